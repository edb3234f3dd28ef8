import Synchronization
import TendSystem

/// A `LogFollower` shared with the task that streams a followed log: one reader at a time, under a lock.
final class FollowedLog: Sendable {
    private let follower: Mutex<LogFollower>

    init(_ follower: sending LogFollower) {
        self.follower = Mutex(follower)
    }

    /// Every byte appended since the last call, across rotations, in order.
    func readAvailable() throws -> [UInt8] {
        try follower.withLock { try $0.readAvailable() }
    }
}
