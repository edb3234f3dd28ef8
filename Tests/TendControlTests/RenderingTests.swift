import TendControl
import TendSupervisor
import Testing

/// What people read: the status table, result lines, the plan diff and event lines.
@Suite struct RenderingTests {
    let table = StatusTable(color: false, formatTime: { _ in "Nov 25 07:01 PM" })

    @Test(arguments: [
        (ProcessStatus.sample("web", pid: 123, uptime: 62), "pid 123, uptime 0:01:02"),
        (.sample("web", uptime: 2 * 86_400 + 3_723), "pid 100, uptime 2 days, 1:02:03"),
        (.sample("job", state: "EXITED", lastExit: "exit status 0", stoppedAt: 1), "Nov 25 07:01 PM, exit status 0"),
        (.sample("bad", state: "FATAL", error: "cannot execute /nope: No such file or directory"), "cannot execute /nope: No such file or directory"),
        (.sample("bad", state: "BACKOFF"), "Exited too quickly (process log may have details)"),
        (.sample("idle", state: "STOPPED"), "Not started"),
        (.sample("web", state: "STOPPED", override: "stopped", stoppedAt: 1), "Nov 25 07:01 PM (stopped by operator)"),
    ])
    func descriptionsReadAsSupervisorctls(_ process: ProcessStatus, _ expected: String) {
        #expect(table.description(of: process) == expected)
    }

    @Test func theTableIsAlignedAndColouredOnlyOnRequest() {
        let processes: [ProcessStatus] = [.sample("web", pid: 123), .sample("worker_00", state: "FATAL", error: "boom")]
        #expect(table.render(processes) == """
            web        RUNNING   pid 123, uptime 0:01:02
            worker_00  FATAL     boom

            """)
        let coloured = StatusTable(color: true).render([.sample("web")])
        #expect(coloured.contains("\u{1B}[32mRUNNING\u{1B}[0m"))
    }

    @Test func statusJSONIsTheWireForm() throws {
        let bytes = try WireJSON.encode(StatusReply(processes: [.sample("web", pid: 7)]))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix(#"{"processes":[{"file":"conf.d/web.toml","group":"web","name":"web","pid":7,"priority":999,"program":"web","started_at":1000,"state":"RUNNING","uptime_seconds":62}]}"#))
        #expect(try WireJSON.decode(StatusReply.self, from: bytes).processes == [.sample("web", pid: 7)])
    }

    @Test func resultLinesSayWhatHappened() {
        let ok = CommandResult(name: "web", error: nil, state: "RUNNING")
        let failed = CommandResult(name: "web", error: ControlError(.spawnError, "cannot execute /nope"), state: "FATAL")
        #expect(CommandResultLines.line(for: ok, verb: "start", color: false) == "web: started\n")
        #expect(CommandResultLines.line(for: failed, verb: "start", color: false) == "web: ERROR (spawn error: cannot execute /nope)\n")
    }

    @Test func thePlanReadsLikeADiff() {
        let report = PlanReport(actions: [
            .init(kind: "start", name: "web", reason: "new in conf.d/web.toml"),
            .init(kind: "restart", name: "api", reason: "command changed"),
            .init(kind: "stop", name: "old", reason: "removed from conf.d/old.toml"),
            .init(kind: "start", name: "db", reason: "new in conf.d/db.toml"),
        ], diagnostics: [], invalid: false)
        #expect(PlanRendering(color: false).plan(report) == """
            + start web (new in conf.d/web.toml)
            ~ restart api (command changed)
            - stop old (removed from conf.d/old.toml)
            + start db (new in conf.d/db.toml)
            Plan: 2 to start, 1 to restart, 1 to stop.

            """)
    }

    @Test(arguments: [
        (PlanReport(actions: [], diagnostics: [], invalid: false), ControlExitCode.success),
        (PlanReport(actions: [.init(kind: "start", name: "web", reason: "")], diagnostics: [], invalid: false), .changesPending),
        (PlanReport(actions: [], diagnostics: ["a.toml:1:1: error: x"], invalid: true), .actionFailed),
    ])
    func planExitCodes(_ report: PlanReport, _ code: ControlExitCode) {
        #expect(PlanRendering.planExitCode(report) == code)
    }

    @Test func eventLines() {
        let line = EventLine(formatTime: { _ in "T" })
        #expect(line.render(.stateChanged(name: "web", from: "STARTING", to: "RUNNING", pid: 5, detail: nil, time: 0)) == "T web: STARTING -> RUNNING (pid 5)\n")
        #expect(line.render(.configError(file: "a.toml", diagnostics: ["a.toml:1:2: error: x"], time: 0))
            == "T config error in a.toml; its last good programs keep running\n  a.toml:1:2: error: x\n")
        #expect(EventLine.json(.configFixed(file: "a.toml", time: 1)) == #"{"file":"a.toml","time":1,"type":"config_fixed"}"# + "\n")
    }

    @Test func serverSentEventsSurviveAnySplit() {
        let text = ServerSentEvent(id: "1", event: "state", data: "{\"a\":1}").encoded + ": comment\n\n"
            + ServerSentEvent(id: "2", event: "reload", data: "x\ny").encoded
        let bytes = Array(text.utf8)
        for split in 0...bytes.count {
            var parser = ServerSentEventParser()
            let messages = parser.feed(bytes[..<split]) + parser.feed(bytes[split...])
            #expect(messages == [ServerSentEvent(id: "1", event: "state", data: "{\"a\":1}"), ServerSentEvent(id: "2", event: "reload", data: "x\ny")])
        }
    }

    @Test(arguments: ["web", "queue:*", "a b/c%d", "naïve"])
    func percentEncodingRoundTrips(_ text: String) {
        #expect(PercentEncoding.decode(PercentEncoding.encodePathSegment(text)) == text)
    }
}
