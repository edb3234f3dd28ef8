import Glibc
import TendCore

/// The real disk, as configuration loading sees it: whole-file reads with a size limit, and directory
/// listings that follow symbolic links to tell directories from files.
public struct LocalConfigFileSystem: ConfigFileSystem {
    /// Configuration files larger than this are refused before they are read.
    public static let sizeLimit = 64 << 20

    public init() {}

    public func readFile(_ path: String) throws(FileAccessError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileAccessError(path: path, errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileAccessError(path: path, errno: errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw FileAccessError(path: path, reason: .isDirectory) }
        if Int(info.st_size) > Self.sizeLimit { throw FileAccessError(path: path, reason: .tooLarge(limit: Self.sizeLimit)) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileAccessError(path: path, errno: errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > Self.sizeLimit { throw FileAccessError(path: path, reason: .tooLarge(limit: Self.sizeLimit)) }
        }
    }

    public func listDirectory(_ path: String) throws(FileAccessError) -> [DirectoryEntry] {
        guard let directory = opendir(path) else { throw FileAccessError(path: path, errno: errno) }
        defer { closedir(directory) }
        var entries: [DirectoryEntry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var info = stat()
            let isDirectory = stat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            entries.append(DirectoryEntry(name: name, isDirectory: isDirectory))
        }
        return entries.sorted { $0.name < $1.name }
    }
}

extension FileAccessError {
    /// The error for a failed system call on `path`, from its errno.
    init(path: String, errno code: Int32) {
        switch code {
        case ENOENT: self.init(path: path, reason: .notFound)
        case EACCES, EPERM: self.init(path: path, reason: .permissionDenied)
        case EISDIR: self.init(path: path, reason: .isDirectory)
        case ENOTDIR: self.init(path: path, reason: .notDirectory)
        case ELOOP: self.init(path: path, reason: .symlinkLoop)
        default: self.init(path: path, reason: .other(String(cString: strerror(code)).lowercased()))
        }
    }
}
