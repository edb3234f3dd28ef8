/// The desired and the observed side of every process, side by side: what a planner pass reads.
///
/// Each process has one entry in contiguous storage: its name, its desired value (nil once the
/// configuration no longer asks for it), its observed value (nil until the runtime takes it in), and what the
/// planner's first look at the pair needs. A full pass walks the entries in storage order: no name is hashed,
/// no dictionary probed, and for a settled process nothing outside the storage is read. The name index
/// serves lookups by name alone. An entry left with neither side is removed by moving the last entry into
/// its place, so the storage stays dense; the order of the entries is therefore arbitrary.
public struct ReconcileTable: Sendable {
    /// The entries, dense, in no particular order.
    private(set) var entries: [Entry] = []
    /// Where each name's entry is; a full pass never reads it.
    private var positions: [String: Int] = [:]

    /// An empty table.
    public init() {}

    /// The entry of the process named `name`, if either side of it is known.
    public func entry(named name: String) -> Entry? {
        positions[name].map { entries[$0] }
    }

    /// Where the entry of `name` is in storage order.
    func position(of name: String) -> Int? {
        positions[name]
    }

    /// Sets (or, with nil, clears) the desired side of the process named `name`.
    public mutating func setDesired(_ desired: DesiredProcess?, for name: String) {
        update(name) { $0.setDesired(desired) }
    }

    /// Sets (or, with nil, clears) the observed side of the process named `name`.
    public mutating func setObserved(_ observed: ObservedProcess?, for name: String) {
        update(name) { $0.setObserved(observed) }
    }

    /// Changes the entry of `name`, adding it if needed and removing it if neither side is left.
    private mutating func update(_ name: String, _ change: (inout Entry) -> Void) {
        if let position = positions[name] {
            change(&entries[position])
            if entries[position].isEmpty { removeEntry(at: position) }
            return
        }
        var entry = Entry(name: name)
        change(&entry)
        guard !entry.isEmpty else { return }
        positions[name] = entries.count
        entries.append(entry)
    }

    /// Removes the entry at `position`, moving the last entry into its place.
    private mutating func removeEntry(at position: Int) {
        positions[entries[position].name] = nil
        let last = entries.count - 1
        if position != last {
            entries.swapAt(position, last)
            positions[entries[position].name] = position
        }
        entries.removeLast()
    }
}

extension ReconcileTable: RandomAccessCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { entries.count }
    public subscript(position: Int) -> Entry { entries[position] }
}
