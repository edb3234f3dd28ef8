import SystemPackage

/// Whether a child changes user, decided from the configured account and the daemon's effective uid, the way
/// supervisord decides it: root switches to anyone; another user can only run programs as itself.
enum UserSwitch: Hashable, Sendable {
    /// Start the child with the daemon's own credentials.
    case keep
    /// Set the child's groups, gid and uid to the account's before exec.
    case switchTo(UserAccount)

    /// Decides for `account` when the daemon's effective uid is `effectiveUID`; a switch that needs root when
    /// tend is not root is a spawn error.
    static func decide(for account: UserAccount?, effectiveUID: UInt32) throws(SpawnError) -> UserSwitch {
        guard let account else { return .keep }
        if effectiveUID == 0 { return .switchTo(account) }
        if account.uid == effectiveUID { return .keep }
        throw SpawnError(
            kind: .notPermitted, syscall: "setresuid", errno: .notPermitted,
            message: "cannot run as user \(account.name): tend runs as uid \(effectiveUID), and only root can switch users")
    }
}
