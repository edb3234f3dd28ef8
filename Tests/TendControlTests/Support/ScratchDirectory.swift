import Glibc
import TendSystem

/// A temporary directory removed with everything in it when the test ends. Short, under /tmp, so socket
/// paths stay within the 107 bytes a unix socket allows.
struct ScratchDirectory: ~Copyable {
    let path: String

    init() {
        var template = Array("/tmp/tendctl-XXXXXX".utf8CString)
        precondition(mkdtemp(&template) != nil, "mkdtemp failed")
        path = String(nulTerminated: template)
    }

    deinit {
        remove(path)
    }

    private func remove(_ path: String) {
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name == "." || name == ".." { continue }
                remove(path + "/" + name)
            }
            closedir(directory)
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// Writes `text` to the file `name` in the directory and returns its path.
    func write(_ text: String, to name: String) -> String {
        let file = path + "/" + name
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        return file
    }

    /// Appends `text` to the file at `path`.
    func append(_ text: String, to file: String) {
        let fd = open(file, O_WRONLY | O_APPEND)
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }
}
