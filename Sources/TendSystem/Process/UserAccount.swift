import CTendSystem
import Glibc
import SystemPackage

/// A user as the system's user database gives it, with everything a user switch sets: uid, primary gid and
/// the supplementary groups (which must be set too, or the child keeps root's).
public struct UserAccount: Sendable, Hashable {
    /// The user as configured: a name, or a numeric id.
    public let name: String
    /// The user id.
    public let uid: UInt32
    /// The primary group id.
    public let gid: UInt32
    /// The supplementary groups, as getgrouplist(3) lists them (the primary group included).
    public let groups: [UInt32]

    /// Creates an account from known ids, as a lookup would return it.
    public init(name: String, uid: UInt32, gid: UInt32, groups: [UInt32]) {
        self.name = name
        self.uid = uid
        self.gid = gid
        self.groups = groups
    }

    /// Looks a user up by name, or by id when `name` is all digits; done at spawn time so that an account
    /// added after the daemon started is found. An unknown user is a spawn error.
    public static func lookUp(_ name: String) throws(SpawnError) -> UserAccount {
        var uid: uid_t = 0
        var gid: gid_t = 0
        var groups = [gid_t](repeating: 0, count: 32)
        var result: Int32 = ERANGE
        while result == ERANGE {
            var count = Int32(groups.count)
            result = groups.withUnsafeMutableBufferPointer { buffer in
                tend_spawn_lookup_user(name, &uid, &gid, buffer.baseAddress, &count)
            }
            if result == ERANGE { groups = [gid_t](repeating: 0, count: Int(count)) } else { groups.removeSubrange(Int(count)...) }
        }
        switch result {
        case 0:
            return UserAccount(name: name, uid: uid, gid: gid, groups: groups)
        case ENOENT:
            throw SpawnError(kind: .unknownUser, syscall: "getpwnam_r", errno: .noSuchFileOrDirectory,
                             message: "cannot run as user \(name): no such user")
        default:
            let errno = Errno(rawValue: result)
            throw SpawnError(kind: .other, syscall: "getpwnam_r", errno: errno,
                             message: "cannot look up user \(name): \(errno)")
        }
    }
}
