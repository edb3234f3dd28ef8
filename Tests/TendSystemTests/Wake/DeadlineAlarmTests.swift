import Foundation
import Glibc
import Synchronization
import Testing
import TendSystem
import TendTestKit

@Suite struct DeadlineAlarmTests {
    /// Counts the alarm's firings and when the first one came.
    final class Firings: Sendable {
        let state = Mutex<(count: Int, first: ContinuousClock.Instant?)>((0, nil))
        func fire() { state.withLock { $0.count += 1; if $0.first == nil { $0.first = .now } } }
        var count: Int { state.withLock { $0.count } }
        var first: ContinuousClock.Instant? { state.withLock { $0.first } }
    }

    @Test func firesOnceAfterTheDelayAndNotBefore() async throws {
        let firings = Firings()
        let alarm = try DeadlineAlarm { firings.fire() }
        defer { alarm.close() }
        let armed = ContinuousClock.now
        alarm.arm(after: .milliseconds(150))
        try await poll("the alarm to fire") { firings.count == 1 }
        let first = try #require(firings.first)
        #expect(first - armed >= .milliseconds(150))
        // One-shot: no second firing without a new arm. (A wait is the only way to see that nothing happens.)
        try await Task.sleep(for: .milliseconds(200)) // allowed: observing that nothing happens over an interval is the test
        #expect(firings.count == 1)
    }

    @Test func armingAgainReplacesThePendingExpiry() async throws {
        let firings = Firings()
        let alarm = try DeadlineAlarm { firings.fire() }
        defer { alarm.close() }
        let armed = ContinuousClock.now
        alarm.arm(after: .milliseconds(50))
        alarm.arm(after: .milliseconds(300))
        try await poll("the alarm to fire") { firings.count == 1 }
        #expect(try #require(firings.first) - armed >= .milliseconds(300))
    }

    @Test func disarmingCancelsAndADelayInThePastFiresAtOnce() async throws {
        let firings = Firings()
        let alarm = try DeadlineAlarm { firings.fire() }
        defer { alarm.close() }
        alarm.arm(after: .milliseconds(100))
        alarm.disarm()
        try await Task.sleep(for: .milliseconds(250)) // allowed: observing that nothing happens over an interval is the test
        #expect(firings.count == 0)
        alarm.arm(after: .milliseconds(-5))
        try await poll("an overdue alarm to fire") { firings.count == 1 }
    }

    @Test func closingEndsTheAlarmsThread() async throws {
        // The alarm's thread reports its kernel id when it fires; other tests' alarms come and go meanwhile.
        let thread = Mutex<String?>(nil)
        let alarm = try DeadlineAlarm {
            let id = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self")) ?? ""
            thread.withLock { $0 = id.split(separator: "/").last.map(String.init) }
        }
        alarm.arm(after: .zero)
        let id = try await eventually("the alarm to fire") { thread.withLock { $0 } }
        #expect(FileManager.default.fileExists(atPath: "/proc/self/task/\(id)"))
        alarm.close()
        try await poll("the alarm's thread to end") { !FileManager.default.fileExists(atPath: "/proc/self/task/\(id)") }
    }
}
