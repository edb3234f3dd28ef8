import TendSupervisor

/// What each client command does: ask the daemon, print for people (or JSON), and decide the exit code.
/// The CLI's commands are thin wrappers around these, so tests drive the same logic through a real
/// client and server without spawning the binary.
public struct ControlOperations: Sendable {
    public let client: ControlClient
    public let console: ControlConsole

    public init(client: ControlClient, console: ControlConsole) {
        self.client = client
        self.console = console
    }

    /// `tend status [NAME...] [--json]`: 0 all listed RUNNING, 3 some not running, 4 an unknown name.
    public func status(_ names: [String], json: Bool, table: StatusTable? = nil) async -> ControlExitCode {
        do {
            let processes = try await client.status(names)
            if json {
                console.writeBytes((try? WireJSON.encode(StatusReply(processes: processes), pretty: true)) ?? [])
                console.write("\n")
            } else {
                console.write((table ?? StatusTable(color: console.color)).render(processes))
            }
            return processes.allSatisfy { $0.state == "RUNNING" } ? .success : .notRunning
        } catch {
            return report(error)
        }
    }

    /// `tend start|stop|restart SELECTOR...`: one line per process; 0 all done, 1 some failed, 4 none matched.
    public func command(_ command: ProcessCommand, _ selectors: [String]) async -> ControlExitCode {
        await perSelector(selectors, verb: command.rawValue) { selector throws(ControlClientError) in
            try await client.command(command, selector)
        }
    }

    /// `tend signal SIG SELECTOR...`: as `command`; a signal that does not exist fails with 1.
    public func signal(_ signal: String, _ selectors: [String]) async -> ControlExitCode {
        await perSelector(selectors, verb: "signal") { selector throws(ControlClientError) in
            try await client.signal(signal, selector)
        }
    }

    /// `tend plan`: 0 nothing to do, 2 changes pending, 1 the configuration is invalid.
    public func plan(json: Bool, withoutDaemon: () -> PlanReport? = { nil }) async -> ControlExitCode {
        let report: PlanReport
        do {
            report = try await client.plan()
        } catch {
            // Only when no daemon is there: a daemon this user may not reach still runs its programs.
            guard case .unreachable(let socket, _, .noDaemon) = error, let offline = withoutDaemon() else { return self.report(error) }
            console.writeError("tend: no daemon answers at \(socket); planning against an empty process table\n")
            report = offline
        }
        writePlan(report, json: json) { PlanRendering(color: console.color).plan($0) }
        return PlanRendering.planExitCode(report)
    }

    /// `tend apply`: 0 applied, 1 the configuration has errors (files with errors keep their last good programs).
    public func apply(json: Bool) async -> ControlExitCode {
        do {
            let report = try await client.apply()
            writePlan(report, json: json) { PlanRendering(color: console.color).applied($0) }
            return PlanRendering.applyExitCode(report)
        } catch {
            return self.report(error)
        }
    }

    /// `tend logs NAME [--stderr] [-n N | --bytes N] [-f]`: the log's end, then (with `follow`) what is
    /// appended until the daemon ends the stream or `keepGoing` says stop.
    public func logs(
        _ name: String, stream: LogStream, tail: LogTailRequest, follow: Bool,
        keepGoing: @escaping @Sendable () -> Bool = { true }
    ) async -> ControlExitCode {
        let console = self.console
        do {
            try await client.logs(name, stream: stream, tail: tail, follow: follow) { bytes in
                console.writeBytes(bytes)
                return keepGoing()
            }
            return .success
        } catch {
            return report(error)
        }
    }

    /// `tend events [-f] [--json]`: the recent events, then (with `follow`) each new one, until `onEvent`
    /// (called after each is printed) returns false.
    public func events(
        follow: Bool, json: Bool, line: EventLine = EventLine(),
        onEvent: @escaping @Sendable (SequencedEvent) -> Bool = { _ in true }
    ) async -> ControlExitCode {
        let console = self.console
        do {
            try await client.events(follow: follow) { event in
                console.write(json ? EventLine.json(event.event) : line.render(event.event))
                return onEvent(event)
            }
            return .success
        } catch {
            return report(error)
        }
    }

    /// `tend shutdown`: asks the daemon to stop every process and exit; with `waitUntilGone`, returns once
    /// the socket stops answering (checked by `isGone`, which the CLI bounds by a deadline).
    public func shutdown(waitUntilGone: (@Sendable () async -> Bool)? = nil) async -> ControlExitCode {
        do {
            _ = try await client.shutdown()
        } catch {
            return report(error)
        }
        console.write("tend: the daemon at \(client.socketPath) is shutting down\n")
        if let waitUntilGone {
            guard await waitUntilGone() else {
                console.writeError("tend: the daemon at \(client.socketPath) still answers\n")
                return .actionFailed
            }
            console.write("tend: shut down\n")
        }
        return .success
    }

    /// `tend version`: this client's version, then the daemon's (69 when it cannot be reached).
    public func version(clientVersion: String) async -> ControlExitCode {
        console.write("tend \(clientVersion)\n")
        do {
            let reply = try await client.version()
            console.write("daemon \(reply.version) (API \(reply.api)) at \(client.socketPath)\n")
            return .success
        } catch {
            return report(error)
        }
    }

    private func perSelector(
        _ selectors: [String], verb: String,
        _ send: (String) async throws(ControlClientError) -> [CommandResult]
    ) async -> ControlExitCode {
        var matched = false
        var failed = false
        for selector in selectors {
            do {
                let results = try await send(selector)
                matched = matched || !results.isEmpty
                for result in results {
                    failed = failed || result.error != nil
                    console.write(CommandResultLines.line(for: result, verb: verb, color: console.color))
                }
            } catch {
                switch error {
                case .server(let controlError, _):
                    console.write(CommandResultLines.line(forUnknown: selector, error: controlError, color: console.color))
                    if controlError.code != .badName { (matched, failed) = (true, true) } else { failed = true }
                case .unreachable, .connectionLost:
                    return report(error)
                }
            }
        }
        return !matched ? .noSuchProcess : failed ? .actionFailed : .success
    }

    private func writePlan(_ report: PlanReport, json: Bool, render: (PlanReport) -> String) {
        if json {
            console.writeBytes((try? WireJSON.encode(report, pretty: true)) ?? [])
            console.write("\n")
        } else {
            console.write(render(report))
        }
    }

    /// Prints `error` as `tend: MESSAGE` on stderr and returns its exit code.
    func report(_ error: ControlClientError) -> ControlExitCode {
        console.writeError("tend: \(error.description)\n")
        switch error {
        case .unreachable, .connectionLost: return .unreachable
        case .server(let controlError, _): return controlError.code == .badName ? .noSuchProcess : .actionFailed
        }
    }
}
