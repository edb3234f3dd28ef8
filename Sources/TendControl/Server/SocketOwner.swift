import Glibc

/// Who owns the control socket file: `[daemon] socket_owner`, written `user` or `user:group` (names or
/// numbers), resolved to ids once when the daemon starts.
public struct SocketOwner: Hashable, Sendable {
    public var userID: uid_t
    public var groupID: gid_t

    public init(userID: uid_t, groupID: gid_t) {
        self.userID = userID
        self.groupID = groupID
    }

    /// Why an owner could not be resolved.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Resolves `user` or `user:group`; without a group, the user's primary group.
    public init(resolving text: String) throws(Failure) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let userText = parts.first, !userText.isEmpty else {
            throw Failure(description: "socket owner \"\(text)\" names no user; write USER or USER:GROUP")
        }
        let user: (uid: uid_t, gid: gid_t)
        if let entry = getpwnam(userText) {
            user = (entry.pointee.pw_uid, entry.pointee.pw_gid)
        } else if let number = uid_t(userText), let entry = getpwuid(number) {
            user = (number, entry.pointee.pw_gid)
        } else {
            throw Failure(description: "socket owner: no user named \"\(userText)\"")
        }
        var group = user.gid
        if parts.count == 2 {
            if let entry = getgrnam(parts[1]) {
                group = entry.pointee.gr_gid
            } else if let number = gid_t(parts[1]) {
                group = number
            } else {
                throw Failure(description: "socket owner: no group named \"\(parts[1])\"")
            }
        }
        self.init(userID: user.uid, groupID: group)
    }
}
