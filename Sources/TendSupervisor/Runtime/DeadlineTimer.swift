import TendCore

/// Wakes the loop once at the earliest lifecycle deadline. One sleeping task at most; a new deadline
/// replaces the old one, and no deadline means no task at all, so an idle daemon never wakes.
struct DeadlineTimer {
    private var task: Task<Void, Never>?
    private var armedFor: MonotonicInstant?

    /// Arms the timer for `deadline` (or disarms it for nil), posting `.deadline` when it falls due.
    mutating func arm(for deadline: MonotonicInstant?, clock: MonotonicClock, mailbox: WakeupMailbox) {
        guard deadline != armedFor else { return }
        task?.cancel()
        armedFor = deadline
        guard let deadline else {
            task = nil
            return
        }
        let wakeAt = clock.reading(at: deadline)
        task = Task {
            try? await Task.sleep(until: wakeAt, tolerance: .milliseconds(1), clock: .continuous)
            if !Task.isCancelled { mailbox.post(.deadline) }
        }
    }

    /// Forgets the armed deadline once it has fired, so that the same deadline can be armed again.
    mutating func fired() {
        armedFor = nil
        task = nil
    }

    mutating func cancel() {
        task?.cancel()
        task = nil
        armedFor = nil
    }
}
