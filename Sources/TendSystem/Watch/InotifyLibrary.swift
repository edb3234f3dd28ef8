import CInotifyTools
import Glibc

/// libinotifytools, wrapped for the one thread allowed to call it (the library keeps all its state in
/// globals). Initialised once per process and kept: closing and reopening it could land its descriptor
/// above 1023, where the library's `select()` would overflow its `fd_set`.
///
/// The library has no getter for its inotify descriptor; the wrapper finds it in /proc/self/fd right after
/// initialising, marks it close-on-exec (the library opens it without), polls it together with a wake-up
/// pipe, and reads the kernel's list of live watches from /proc/self/fdinfo, which stays true where the
/// library's own path bookkeeping goes stale (renamed directories, paths reused after deletion).
final class InotifyLibrary {
    /// The library's inotify descriptor.
    let descriptor: Int32

    /// Initialises the library; call once per process, from the watch thread.
    init() throws(WatchError) {
        let before = Self.inotifyDescriptors()
        guard inotifytools_initialize() != 0 else {
            throw WatchError(operation: "inotifytools_initialize", code: Int32(inotifytools_error()))
        }
        let opened = Self.inotifyDescriptors().subtracting(before)
        guard opened.count == 1, let descriptor = opened.first else {
            inotifytools_cleanup()
            throw WatchError(
                operation: "inotifytools_initialize", code: 0,
                detail: "could not tell the library's inotify descriptor among \(opened.sorted())")
        }
        guard descriptor < FD_SETSIZE else {
            inotifytools_cleanup()
            throw WatchError(
                operation: "inotifytools_initialize", code: 0,
                detail: "descriptor \(descriptor) is above select()'s limit of \(FD_SETSIZE)")
        }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        self.descriptor = descriptor
    }

    /// Adds (or keeps) a watch on the directory at `path` for configuration changes.
    func addWatch(_ path: String) throws(WatchError) {
        guard inotifytools_watch_file(path, Int32(bitPattern: InotifyMask.configChanges.rawValue)) != 0 else {
            throw WatchError(operation: "inotify_add_watch", path: path, code: Int32(inotifytools_error()))
        }
    }

    /// Removes a live watch.
    func removeWatch(_ watch: Int32) {
        _ = inotifytools_remove_watch_by_wd(watch)
    }

    /// The next event already queued, without blocking; nil when there is none. Asks the library for one
    /// event at a time: asking for more makes it spin until that many bytes are queued.
    func nextQueuedEvent() -> InotifyEvent? {
        guard let event = inotifytools_next_events(0, 1) else { return nil }
        return InotifyEvent(
            watch: event.pointee.wd,
            mask: InotifyMask(rawValue: event.pointee.mask),
            name: String(cString: tend_inotify_event_name(event)))
    }

    /// The kernel's live watches on this descriptor, by the identity of the watched directory.
    func liveWatches() -> [DirectoryIdentity: Int32] {
        guard let text = try? ProcFile.read("/proc/self/fdinfo/\(descriptor)") else { return [:] }
        var watches: [DirectoryIdentity: Int32] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("inotify ") {
            var fields: [Substring: UInt64] = [:]
            for field in line.split(separator: " ") {
                guard let colon = field.firstIndex(of: ":") else { continue }
                fields[field[..<colon]] = UInt64(field[field.index(after: colon)...], radix: 16)
            }
            guard let watch = fields["wd"], let inode = fields["ino"], let device = fields["sdev"] else { continue }
            watches[DirectoryIdentity(device: device, inode: inode)] = Int32(truncatingIfNeeded: watch)
        }
        return watches
    }

    /// The descriptors of this process that are inotify instances.
    private static func inotifyDescriptors() -> Set<Int32> {
        guard let directory = opendir("/proc/self/fd") else { return [] }
        defer { closedir(directory) }
        let own = dirfd(directory)
        var found: Set<Int32> = []
        var target = [CChar](repeating: 0, count: 64)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard let number = Int32(name), number != own else { continue }
            let length = readlink("/proc/self/fd/\(name)", &target, target.count - 1)
            guard length > 0 else { continue }
            let link = target[0..<length].withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
            if link == "anon_inode:inotify" { found.insert(number) }
        }
        return found
    }
}
