import ArgumentParser
import Glibc
import TendSystem

/// The `tend` command: a process supervisor driven by configuration files, and its client.
struct Tend: AsyncParsableCommand {
    // Every command names itself: deriving a name from the type goes through the runtime's protocol conformance
    // lookup, which scans every conformance record in the binary and was a third of a client command's start.
    static let configuration = CommandConfiguration(
        commandName: "tend",
        abstract: "Keep programs running as their configuration describes.",
        discussion: """
            tend is a process supervisor: programs declared in tend.toml and conf.d/*.toml|*.json are started, \
            restarted when they crash, and changed live when their files change.

            Exit codes: 0 success; 1 the configuration is invalid or an action failed; 2 usage error or \
            unreadable file, or (plan) changes pending; 3 (status) some program is not running; 4 no such \
            program; 69 the daemon cannot be reached (the message names the socket tried).

            Client commands find the daemon's socket with -s SOCKET, else the [daemon] socket of -c FILE, \
            else $TEND_SOCKET, else that of ./tend.toml or /etc/tend/tend.toml.
            """,
        version: TendVersion.current,
        subcommands: [
            Daemon.self, Check.self, Init.self, Status.self, Start.self, Stop.self, Restart.self, Signal.self, Logs.self,
            Plan.self, Apply.self, Events.self, Shutdown.self, Version.self,
        ]
    )

    /// Runs the command line, mapping ArgumentParser's usage-error code (64) to tend's documented 2. Called
    /// once, by `Entry.main`, on the task pool.
    static func runCommandLine() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandleOutput.standardError.write(fullMessage(for: error) + "\n")
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Whether tasks run on tend's own task pool rather than libdispatch's worker pool (see `Entry.main`).
enum TaskPool {
    /// Installed on first use, which `Entry.main` makes before any task exists.
    static let installed = GlobalTaskPool.install()
}

/// tend's version, printed by `--version`.
enum TendVersion {
    static let current = "0.1.0"
}
