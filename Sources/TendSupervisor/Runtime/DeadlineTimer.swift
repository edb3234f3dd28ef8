import TendCore
import SystemPackage
import TendSystem

/// Wakes the loop once at the earliest lifecycle deadline. One alarm; a new deadline replaces the old one,
/// and no deadline means a disarmed alarm, so an idle daemon never wakes.
struct DeadlineTimer {
    private let alarm: DeadlineAlarm
    private var armedFor: MonotonicInstant?

    /// A timer that posts `.deadline` to `mailbox` when the armed deadline falls due.
    init(mailbox: WakeupMailbox) throws(Errno) {
        alarm = try DeadlineAlarm { mailbox.post(.deadline) }
    }

    /// Arms the timer for `deadline`, or disarms it for nil.
    mutating func arm(for deadline: MonotonicInstant?, clock: MonotonicClock) {
        guard deadline != armedFor else { return }
        armedFor = deadline
        guard let deadline else {
            alarm.disarm()
            return
        }
        alarm.arm(after: clock.reading(at: deadline) - ContinuousClock.now)
    }

    /// Forgets the armed deadline once it has fired, so that the same deadline can be armed again.
    mutating func fired() {
        armedFor = nil
    }

    /// Disarms the timer for good and ends its alarm's thread.
    mutating func cancel() {
        alarm.close()
        armedFor = nil
    }
}
