import Glibc
import TendSystem

/// The process's working directory, against which relative paths on the command line are resolved.
enum CurrentDirectory {
    static func path() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(nulTerminated: buffer)
    }
}
