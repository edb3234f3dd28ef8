import Testing
@testable import TendCore

/// Defaults, expansion into instances, and the two syntaxes agreeing.
@Suite struct DecodingTests {
    @Test func aProgramWithOnlyACommandGetsSupervisordsDefaults() throws {
        let config = try #require(try load(["/etc/tend/tend.toml": "[program.web]\ncommand = \"python3 -m http.server\"\n"]).config)
        let web = try #require(config.program(named: "web"))
        #expect(web.numprocs == 1 && web.numprocsStart == 0 && web.priority == 999 && web.autostart)
        #expect(web.groupName == "web")
        #expect(web.lifecycle == LifecycleSpec.supervisordDefaults)
        #expect(web.lifecycle.startSeconds == .seconds(1) && web.lifecycle.startRetries == .limited(3))
        #expect(web.lifecycle.stopWaitSeconds == .seconds(10) && web.lifecycle.stopSignal == .terminate)
        #expect(web.instances == [ProcessSpec(
            name: "web", processNumber: 0, argv: ["python3", "-m", "http.server"], directory: nil, environment: [:],
            user: nil, umask: nil,
            stdout: .file(path: "/etc/tend/logs/web-stdout.log", maxBytes: 50 << 20, backups: 10),
            stderr: .file(path: "/etc/tend/logs/web-stderr.log", maxBytes: 50 << 20, backups: 10))])
        #expect(config.daemon == DaemonConfig.defaults(in: "/etc/tend"))
        #expect(config.daemon.socket == "/etc/tend/tend.sock")
    }

    @Test func numprocsExpandsIntoNamedInstances() throws {
        let toml = """
            [program.worker]
            command = ["php", "artisan", "queue:work", "--name=%(process_num)d"]
            numprocs = 4
            numprocs_start = 1
            process_name = "%(program_name)s_%(process_num)02d"
            directory = "../app"
            environment = { SLOT = "%(process_num)02d", HOST = "%(host_node_name)s", HOME_DIR = "${HOME}" }
            stdout_logfile = "%(here)s/worker-%(process_num)d.log"
            redirect_stderr = true
            umask = "027"
            user = "nobody"
            [group.queue]
            programs = ["worker"]
            priority = 5
            """
        let config = try #require(try load(["/etc/tend/conf.d/q.toml": toml, "/etc/tend/tend.toml": "# main\n"]).config)
        let worker = try #require(config.program(named: "worker"))
        #expect(worker.groupName == "queue")
        #expect(worker.instances.map(\.name) == ["worker_01", "worker_02", "worker_03", "worker_04"])
        let second = worker.instances[1]
        #expect(second.argv == ["php", "artisan", "queue:work", "--name=2"])
        #expect(second.directory == "/etc/tend/app")
        #expect(second.environment == ["SLOT": "02", "HOST": "testhost", "HOME_DIR": "/root"])
        #expect(second.stdout == .file(path: "/etc/tend/conf.d/worker-2.log", maxBytes: 50 << 20, backups: 10))
        #expect(second.stderr == .stdout)
        #expect(second.umask == 0o027 && second.user == "nobody")
        #expect(config.groups == [GroupConfig(name: "queue", file: "/etc/tend/conf.d/q.toml", programs: ["worker"], priority: 5)])
    }

    @Test func tomlAndJSONGiveTheSameModel() throws {
        let toml = """
            [program.migrate]
            command = "sh -c 'echo migrating; echo done'"
            startsecs = 0
            autorestart = "never"
            exitcodes = [0, 3]
            priority = 10
            stopwaitsecs = "2m"
            stdout_logfile_maxbytes = "1MB"
            environment = { A = "1", B = 2, C = true }
            backoff = { initial = 0.5, max = 30, multiplier = 3 }
            """
        let json = """
            {
              "$schema": "../schemas/tend.schema.json",
              "program": {
                "migrate": {
                  "command": "sh -c 'echo migrating; echo done'",
                  "startsecs": 0,
                  "autorestart": "never",
                  "exitcodes": [0, 3],
                  "priority": 10,
                  "stopwaitsecs": "2m",
                  "stdout_logfile_maxbytes": "1MB",
                  "environment": { "A": "1", "B": 2, "C": true },
                  "backoff": { "initial": 0.5, "max": 30, "multiplier": 3 }
                }
              }
            }
            """
        let fromTOML = try #require(try load(["/t/tend.toml": "# main\n", "/t/conf.d/m.toml": toml], main: "/t/tend.toml").config)
        let fromJSON = try #require(try load(["/t/tend.toml": "# main\n", "/t/conf.d/m.json": json], main: "/t/tend.toml").config)
        var normalized = fromJSON
        normalized.programs = normalized.programs.map { var program = $0; program.file = "/t/conf.d/m.toml"; return program }
        #expect(normalized == fromTOML)
        let migrate = try #require(fromTOML.program(named: "migrate"))
        #expect(migrate.lifecycle.backoff == .exponential(initial: .milliseconds(500), max: .seconds(30), multiplier: 3))
        #expect(migrate.instances[0].environment == ["A": "1", "B": "2", "C": "true"])
    }

    @Test func aJSONMainFileWorksToo() throws {
        let json = #"{ "daemon": { "log_dir": "/var/log/tend" }, "program": { "a": { "command": ["sleep", "1"] } } }"#
        let config = try #require(try load(["/srv/tend.json": json], main: "/srv/tend.json").config)
        #expect(config.daemon.logDirectory == "/var/log/tend")
        #expect(config.programs.map(\.name) == ["a"])
    }
}
