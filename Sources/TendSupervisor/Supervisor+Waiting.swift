extension Supervisor {
    /// Suspends until every process in `names` has reached `goal` (or the supervisor has finished).
    func wait(for names: [String], until goal: Waiter.Goal) async {
        if isReached(goal, names) { return }
        await withCheckedContinuation { continuation in
            waiters.append(Waiter(names: names, goal: goal, continuation: continuation))
        }
    }

    /// Resumes every waiter whose goal has been reached.
    func resumeWaiters() {
        var waiting: [Waiter] = []
        for waiter in waiters {
            if isReached(waiter.goal, waiter.names) {
                waiter.continuation.resume()
            } else {
                waiting.append(waiter)
            }
        }
        waiters = waiting
    }

    private func isReached(_ goal: Waiter.Goal, _ names: [String]) -> Bool {
        if finished { return true }
        if case .finished = goal { return false }
        return names.allSatisfy { name in
            guard let process = processes[name] else { return true }
            switch goal {
            case .started(let generation):
                if shuttingDown { return true }
                return process.observed.activation?.generation == generation && process.state != .starting && process.state != .stopping
            case .stopped:
                return !process.observed.isActive && process.child == nil
            case .finished:
                return false
            }
        }
    }
}
