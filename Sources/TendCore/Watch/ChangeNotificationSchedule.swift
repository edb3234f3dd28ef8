/// When a watcher should tell its consumer "the configuration may have changed": after a burst of
/// file-system events falls quiet for `quietWindow`, at the latest `burstCap` after the burst began even if
/// events keep coming, and every `safetyInterval` regardless, to catch what events cannot report (a
/// symbolic link to a file outside the watched tree). A pure state machine: time is always an argument.
public struct ChangeNotificationSchedule<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// How long events must stop before the consumer is told.
    public let quietWindow: Duration
    /// The longest a continuous burst can delay a notification, counted from its first event.
    public let burstCap: Duration
    /// The interval of unconditional notifications, or nil for none.
    public let safetyInterval: Duration?

    private var burstStart: Instant?
    private var lastChange: Instant?
    private var nextSafetyNotification: Instant?

    /// A schedule with no pending change, whose first safety notification falls `safetyInterval` after `now`.
    public init(quietWindow: Duration, burstCap: Duration, safetyInterval: Duration?, now: Instant) {
        self.quietWindow = quietWindow
        self.burstCap = max(burstCap, quietWindow)
        self.safetyInterval = safetyInterval
        nextSafetyNotification = safetyInterval.map { now.advanced(by: $0) }
    }

    /// Whether a change was recorded and not yet announced.
    public var hasPendingChange: Bool { burstStart != nil }

    /// Records that something changed at `now`.
    public mutating func recordChange(at now: Instant) {
        if burstStart == nil { burstStart = now }
        lastChange = now
    }

    /// The instant the next notification falls due, or nil when nothing is pending and no timer is set.
    public var deadline: Instant? {
        var earliest = nextSafetyNotification
        if let burstStart, let lastChange {
            let debounced = min(lastChange.advanced(by: quietWindow), burstStart.advanced(by: burstCap))
            earliest = earliest.map { min($0, debounced) } ?? debounced
        }
        return earliest
    }

    /// Whether a notification is due at `now`; when it is, the pending change counts as announced and the
    /// safety timer starts over.
    public mutating func takeDueNotification(at now: Instant) -> Bool {
        guard let deadline, deadline <= now else { return false }
        burstStart = nil
        lastChange = nil
        nextSafetyNotification = safetyInterval.map { now.advanced(by: $0) }
        return true
    }
}
