import Glibc
import Testing
@testable import TendSystem

@Suite(.serialized) struct FileDescriptorLimitTests {
    private let noFile = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)

    @Test func theSoftLimitIsRaisedToTheHardLimit() throws {
        let limit = try FileDescriptorLimit.raiseToHardLimit()
        var current = rlimit()
        getrlimit(noFile, &current)
        #expect(limit.softLimit == limit.hardLimit)
        #expect(UInt64(current.rlim_cur) == limit.softLimit)
        #expect(UInt64(current.rlim_max) == limit.hardLimit)
        #expect(limit.previousSoftLimit <= limit.softLimit)
        let again = try FileDescriptorLimit.raiseToHardLimit()
        #expect(again.previousSoftLimit == again.softLimit)
        #expect(!again.wasRaised)
    }

    @Test func aLowSoftLimitIsReportedAsRaised() throws {
        var current = rlimit()
        getrlimit(noFile, &current)
        // Lowered to a value this test process stays under (it holds a few hundred at most), then raised back.
        let low = min(2048, current.rlim_max - 1)
        var lowered = current
        lowered.rlim_cur = low
        try #require(setrlimit(noFile, &lowered) == 0)
        let limit = try FileDescriptorLimit.raiseToHardLimit()
        #expect(limit.previousSoftLimit == UInt64(low))
        #expect(limit.wasRaised)
        #expect(limit.softLimit == UInt64(current.rlim_max))
    }

    @Test func theDaemonEnvironmentIsRead() throws {
        let environment = DaemonEnvironment.current()
        let path = try #require(getenv("PATH"))
        #expect(environment["PATH"] == String(cString: path))
    }
}
