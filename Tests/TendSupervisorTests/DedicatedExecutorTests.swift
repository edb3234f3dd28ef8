import Foundation
import Testing
import TendTestKit
@testable import TendSupervisor

/// The supervisor's executor: an actor's jobs run on its own thread, and the thread ends with the executor
/// (a process that makes and drops supervisors, as the tests do, keeps no thread of theirs).
@Suite struct DedicatedExecutorTests {
    static let threadName = "tend-exec-test"

    actor Counter {
        nonisolated let executor = DedicatedExecutor(name: DedicatedExecutorTests.threadName)
        nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
        var count = 0

        /// Counts one more and says on which thread it ran.
        func increment() -> String {
            count += 1
            return (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }
    }

    /// How many threads of this process are named `name`.
    static func threads(named name: String) -> Int {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return tasks.filter { task in
            (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) == name
        }.count
    }

    @Test func jobsRunOnItsThreadWhichEndsWithTheExecutor() async throws {
        var counter: Counter? = Counter()
        var ranOn: Set<String> = []
        for _ in 0..<100 { ranOn.insert(await counter!.increment()) }
        #expect(ranOn == [Self.threadName])
        #expect(await counter!.count == 100)
        #expect(Self.threads(named: Self.threadName) == 1)
        counter = nil
        try await eventually("the executor's thread to end") { Self.threads(named: Self.threadName) == 0 ? true : nil }
    }
}
