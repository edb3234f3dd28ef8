import TendSupervisor

/// A supervisor event as the event stream carries it: one flat JSON object whose `type` says which
/// fields are present, so any JSON tool can read it without knowing Swift's enum encoding.
///
/// `state`: name, from, to, pid?, detail?; `reload`: actions; `config_error`: file, diagnostics;
/// `config_fixed`: file. Every type has `time` (seconds since the Unix epoch).
public struct WireEvent: Codable, Hashable, Sendable {
    /// The kind of event; also the server-sent event's `event:` field.
    public enum Kind: String, Codable, Hashable, Sendable {
        case state
        case reload
        case configError = "config_error"
        case configFixed = "config_fixed"
    }

    public var type: Kind
    public var time: Double
    public var name: String?
    public var from: String?
    public var to: String?
    public var pid: Int32?
    public var detail: String?
    public var actions: [String]?
    public var file: String?
    public var diagnostics: [String]?

    /// The wire form of `event`.
    public init(_ event: SupervisorEvent) {
        switch event {
        case .stateChanged(let name, let from, let to, let pid, let detail, let time):
            self.init(type: .state, time: time)
            (self.name, self.from, self.to, self.pid, self.detail) = (name, from, to, pid, detail)
        case .reloaded(let actions, let time):
            self.init(type: .reload, time: time)
            self.actions = actions
        case .configError(let file, let diagnostics, let time):
            self.init(type: .configError, time: time)
            (self.file, self.diagnostics) = (file, diagnostics)
        case .configFixed(let file, let time):
            self.init(type: .configFixed, time: time)
            self.file = file
        }
    }

    private init(type: Kind, time: Double) {
        self.type = type
        self.time = time
    }

    /// The supervisor event this describes, or nil when a field its type needs is missing.
    public var event: SupervisorEvent? {
        switch type {
        case .state:
            guard let name, let from, let to else { return nil }
            return .stateChanged(name: name, from: from, to: to, pid: pid, detail: detail, time: time)
        case .reload:
            return .reloaded(actions: actions ?? [], time: time)
        case .configError:
            guard let file else { return nil }
            return .configError(file: file, diagnostics: diagnostics ?? [], time: time)
        case .configFixed:
            guard let file else { return nil }
            return .configFixed(file: file, time: time)
        }
    }
}

/// An event with its place in the daemon's sequence (the server-sent event's `id:`), so a reader can tell
/// that none was skipped.
public struct SequencedEvent: Hashable, Sendable {
    public var sequence: UInt64
    public var event: SupervisorEvent

    public init(sequence: UInt64, event: SupervisorEvent) {
        self.sequence = sequence
        self.event = event
    }
}
