import CInotifyTools
import Glibc

/// A directory as the kernel knows it: device (in the kernel's encoding, as /proc prints it) and inode.
/// Watches are kept by identity, not by path, since paths go stale when directories move.
struct DirectoryIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64

    init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    /// The identity of a `stat` result.
    init(_ info: stat) {
        device = tend_kernel_device(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
