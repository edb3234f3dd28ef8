import Foundation
import Glibc
import Synchronization
import Testing
import TendSystem
import TendTestKit

@Suite struct SignalRelayTests {
    @Test func aSignalBecomesACallOnTheRelaysThread() async throws {
        let calls = Mutex<[String]>([])
        SignalRelay.shared.on(SIGURG) {
            let name = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? "?"
            calls.withLock { $0.append(name) }
        }
        kill(getpid(), SIGURG)
        try await poll("the handler to run") { calls.withLock { !$0.isEmpty } }
        #expect(calls.withLock { $0 } == ["tend-signals\n"])
        kill(getpid(), SIGURG)
        try await poll("the handler to run again") { calls.withLock { $0.count == 2 } }
    }
}
