import CInotifyTools

/// The bits of an inotify event mask tend looks at.
struct InotifyMask: OptionSet, Hashable, Sendable {
    let rawValue: UInt32

    static let modify = InotifyMask(bits: IN_MODIFY)
    static let attrib = InotifyMask(bits: IN_ATTRIB)
    static let closeWrite = InotifyMask(bits: IN_CLOSE_WRITE)
    static let movedFrom = InotifyMask(bits: IN_MOVED_FROM)
    static let movedTo = InotifyMask(bits: IN_MOVED_TO)
    static let create = InotifyMask(bits: IN_CREATE)
    static let delete = InotifyMask(bits: IN_DELETE)
    static let deleteSelf = InotifyMask(bits: IN_DELETE_SELF)
    static let moveSelf = InotifyMask(bits: IN_MOVE_SELF)
    static let unmount = InotifyMask(bits: IN_UNMOUNT)
    static let queueOverflow = InotifyMask(bits: IN_Q_OVERFLOW)
    static let ignored = InotifyMask(bits: IN_IGNORED)
    static let isDirectory = InotifyMask(bits: IN_ISDIR)
    static let move = InotifyMask(rawValue: tend_in_move())
    static let all = InotifyMask(rawValue: tend_in_all_events())

    /// What a configuration watch asks for: every change to names, a writer closing a file, and nothing a
    /// reader causes (open, access, close without writing), so the watcher's own rescans stay silent. Not
    /// IN_MODIFY: an editor's save ends with a close, and a file kept open for writing beside the main file
    /// (the daemon's own log, say) would otherwise wake the watcher on every line.
    static let configChanges: InotifyMask = [
        .attrib, .closeWrite, .move, .create, .delete, .deleteSelf, .moveSelf,
    ]

    /// Events that say the watched directory itself is gone or elsewhere.
    static let selfGone: InotifyMask = [.deleteSelf, .moveSelf, .unmount, .ignored]
    /// Events that add or take away an entry's name in a directory.
    static let entryNamed: InotifyMask = [.create, .delete, .move]

    init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    private init(bits: some BinaryInteger) {
        rawValue = UInt32(truncatingIfNeeded: bits)
    }
}

/// One event, copied out of the library's static buffer.
struct InotifyEvent: Hashable, Sendable {
    /// The watch descriptor, or -1 for a queue overflow.
    var watch: Int32
    var mask: InotifyMask
    /// The entry's name inside the watched directory, or empty for an event on the directory itself.
    var name: String
}
