import Foundation
import Testing
import TendCore
import TendSystem

/// The facts `%(host_node_name)s` and `${VAR}` expand from, read from the machine the tests run on.
@Suite struct LocalHostFactsTests {
    @Test func hostNameIsTheKernelsAndTheEnvironmentIsThisProcesss() throws {
        let facts = HostFacts.local()
        let kernel = try String(contentsOfFile: "/proc/sys/kernel/hostname", encoding: .utf8)
        #expect(facts.hostName == kernel.trimmingCharacters(in: .newlines))
        #expect(!facts.hostName.isEmpty)
        #expect(facts.environment["PATH"] == ProcessInfo.processInfo.environment["PATH"])
    }
}
