@testable import TendCore

/// One representative record per state (two where a state has distinct sub-cases), each reached by
/// replaying real events under supervisord's defaults, with the instants at which the pair table probes it.
enum LifecycleFixture: String, CaseIterable, Sendable, CustomStringConvertible {
    case stopped
    case startingAwaitingPid
    case starting
    case running
    case backoff
    case stoppingAwaitingPid
    case stopping
    case exitedRestartPending
    case exitedForGood
    case fatal
    case unknown

    var description: String { rawValue }

    private static let spawnedAtZero: [(Double, LifecycleEvent)] = [(0, .start), (0, .spawned(pid: 100))]

    var steps: [(Double, LifecycleEvent)] {
        let running = Self.spawnedAtZero + [(1, .tick)]
        switch self {
        case .stopped: return []
        case .startingAwaitingPid: return [(0, .start)]
        case .starting: return Self.spawnedAtZero
        case .running: return running
        case .backoff: return Self.spawnedAtZero + [(0.5, .exited(.failure))]
        case .stoppingAwaitingPid: return [(0, .start), (0, .stop)]
        case .stopping: return running + [(2, .stop)]
        case .exitedRestartPending: return running + [(5, .exited(.failure))]
        case .exitedForGood: return running + [(5, .exited(.success))]
        case .fatal:
            return Self.spawnedAtZero + [
                (0.5, .exited(.failure)), (1.5, .tick), (1.5, .spawned(pid: 101)),
                (2, .exited(.failure)), (4, .tick), (4, .spawned(pid: 102)),
                (4.5, .exited(.failure)), (7.5, .tick), (7.5, .spawned(pid: 103)),
                (8, .exited(.failure)),
            ]
        case .unknown: return running + [(2, .stop), (3, .signalFailed(message: "EPERM"))]
        }
    }

    var lifecycle: ProcessLifecycle { LifecycleDriver.replay(steps) }

    /// The state the fixture stands in.
    var state: ProcessState {
        switch self {
        case .stopped: .stopped
        case .startingAwaitingPid, .starting: .starting
        case .running: .running
        case .backoff: .backoff
        case .stoppingAwaitingPid, .stopping: .stopping
        case .exitedRestartPending, .exitedForGood: .exited
        case .fatal: .fatal
        case .unknown: .unknown
        }
    }

    /// When the pair table sends every event but `.tick`.
    var eventTime: Double {
        switch self {
        case .stopped: 0
        case .startingAwaitingPid, .stoppingAwaitingPid: 0.25
        case .starting: 0.5
        case .running: 3
        case .backoff: 1
        case .stopping, .exitedRestartPending: 5
        case .exitedForGood: 6
        case .fatal: 9
        case .unknown: 4
        }
    }

    /// When the pair table sends `.tick`: the deadline where there is one.
    var tickTime: Double {
        guard let deadline = lifecycle.deadline else { return eventTime }
        return (deadline - at(0)).seconds
    }
}

/// Each kind of event, with the payload the pair table sends.
enum EventKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case start, stop, spawned, spawnFailed, exited, signalFailed, tick

    var description: String { rawValue }

    var event: LifecycleEvent {
        switch self {
        case .start: .start
        case .stop: .stop
        case .spawned: .spawned(pid: 200)
        case .spawnFailed: .spawnFailed(message: "exec failed: ENOENT")
        case .exited: .exited(.failure)
        case .signalFailed: .signalFailed(message: "EPERM")
        case .tick: .tick
        }
    }
}
