import Foundation
import Testing
import TendSystem

@Suite struct IdleTests {
    /// The scheduler's view of a thread: its state letter and how often it gave up the CPU voluntarily.
    private func threadState(_ tid: Int32) -> (state: Character, voluntarySwitches: Int)? {
        guard let stat = try? String(contentsOfFile: "/proc/self/task/\(tid)/stat", encoding: .utf8),
              let status = try? String(contentsOfFile: "/proc/self/task/\(tid)/status", encoding: .utf8),
              let afterName = stat.range(of: ") ")?.upperBound,
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("voluntary_ctxt_switches:") }),
              let switches = Int(line.split(separator: "\t").last?.trimmingCharacters(in: .whitespaces) ?? "")
        else { return nil }
        return (stat[afterName], switches)
    }

    @Test func thePumpThreadDoesNotWakeWhileNothingIsWritten() async throws {
        try await withPump { pump, recorder in
            let pipe = try LogPipe.make()
            defer { try? pipe.writeEnd.close() }
            _ = try pump.attach(pipe.readEnd, to: try LogOutput.open("/dev/null", rotation: .never), onEnd: recorder.callback)
            await pump.reopenAll()
            var baseline = 0
            await awaitLogCondition("the pump thread to sleep") {
                guard let now = threadState(pump.threadID), now.state == "S" else { return false }
                baseline = now.voluntarySwitches
                return true
            }
            let clock = ContinuousClock()
            let quietUntil = clock.now + .milliseconds(250)
            while clock.now < quietUntil {
                #expect(threadState(pump.threadID)?.voluntarySwitches == baseline)
                try await Task.sleep(for: .milliseconds(25)) // allowed: watching the idle thread over a fixed interval is the test
            }
            try writeLogBytes(Array("x".utf8), to: pipe.writeEnd)
            await awaitLogCondition("a write to wake the pump") {
                (threadState(pump.threadID)?.voluntarySwitches ?? 0) > baseline
            }
        }
    }
}
