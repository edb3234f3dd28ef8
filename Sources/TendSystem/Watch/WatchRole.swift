import TendCore

/// What a watched directory means to one subscription, which decides what its events mean.
enum WatchRole: Hashable, Sendable {
    /// A directory inside a watched tree: every event is a change.
    case tree
    /// The directory of a watched file: only events naming the file are changes.
    case entry(String)
    /// The nearest existing ancestor of a missing path: an event naming the next component of that path
    /// means the path may exist again.
    case awaiting(String)

    /// What `event`, seen on a directory with this role, means.
    func effect(of event: InotifyEvent) -> WatchEffect {
        let gone = !event.mask.isDisjoint(with: .selfGone)
        switch self {
        case .tree:
            let directoryEntry = event.mask.contains(.isDirectory) && !event.mask.isDisjoint(with: .entryNamed)
            // What is written into a file matters only when tend reads the file: a log kept inside conf.d (a
            // relative stdout_logfile in a conf.d file lands there) is closed after each second of output,
            // and would reload the whole configuration every time. Names coming and going still count.
            if event.mask == .closeWrite && ConfigSyntax(path: event.name) == nil {
                return WatchEffect(changed: false, needsResync: false)
            }
            return WatchEffect(changed: true, needsResync: gone || directoryEntry)
        case .entry(let name):
            return WatchEffect(changed: gone || event.name == name, needsResync: gone)
        case .awaiting(let name):
            let relevant = gone || event.name == name
            return WatchEffect(changed: relevant, needsResync: relevant)
        }
    }
}

/// What one event means to one subscription.
struct WatchEffect: Hashable, Sendable {
    /// The subscription's files may have changed: a notification falls due after the quiet window.
    var changed: Bool
    /// Directories appeared, disappeared or moved: the set of watches must be brought up to date.
    var needsResync: Bool
}
