import Testing
@testable import TendCore

/// Each validation rule, with the exact position and message a user sees.
@Suite struct ValidationTests {
    static let main = "/etc/tend/tend.toml"

    @Test(arguments: [
        (
            "[program.web]\ncomand = \"sleep 1\"\n",
            [
                "/etc/tend/tend.toml:1:10: error: program.web: command is required: what to run, as a string or an argv array",
                "/etc/tend/tend.toml:2:1: error: program.web.comand: unknown key \"comand\" in program.web; did you mean \"command\"?",
            ]
        ),
        (
            "[program.web]\ncommand = \"sleep 1\"\nautostart = \"yes\"\n",
            ["/etc/tend/tend.toml:3:13: error: program.web.autostart: expected a boolean (true or false), found a string (\"yes\")"]
        ),
        (
            "[program.web]\ncommand = \"sleep 1\"\nstartsecs = -1\n",
            ["/etc/tend/tend.toml:3:13: error: program.web.startsecs: must be zero or more, found -1"]
        ),
        (
            "[program.web]\ncommand = \"sleep 1\"\nnumprocs = 0\n",
            ["/etc/tend/tend.toml:3:12: error: program.web.numprocs: must be at least 1, found 0"]
        ),
        (
            "[program.web]\ncommand = \"sleep 1\"\nnumprocs = 2\nprocess_name = \"web\"\n",
            ["/etc/tend/tend.toml:4:16: error: program.web.process_name: must contain %(process_num) when numprocs > 1, so each process gets its own name (e.g. \"%(program_name)s_%(process_num)02d\")"]
        ),
        (
            "[program.web]\ncommand = \"sleep 1\"\nnumprocs = 3\n",
            ["/etc/tend/tend.toml:3:12: error: program.web.numprocs: numprocs > 1 needs a process_name containing %(process_num), e.g. process_name = \"%(program_name)s_%(process_num)02d\""]
        ),
        (
            "[program.web]\ncommand = \"sleep 1\"\nstopasgroup = true\n",
            ["/etc/tend/tend.toml:3:15: error: program.web.stopasgroup: stopasgroup = true needs killasgroup = true as well, or the SIGKILL after stopwaitsecs would miss the group"]
        ),
        (
            "[program.web]\ncommand = \"sleep 1\"\nstopsignal = \"TREM\"\n",
            ["/etc/tend/tend.toml:3:14: error: program.web.stopsignal: unknown signal \"TREM\"; did you mean \"TERM\"?"]
        ),
        (
            "[program.web]\ncommand = \"\"\n",
            ["/etc/tend/tend.toml:2:11: error: program.web.command: command is empty"]
        ),
        (
            "[program.web]\ncommand = []\n",
            ["/etc/tend/tend.toml:2:11: error: program.web.command: command is empty; give at least the program to run"]
        ),
        (
            "[program.web]\ncommand = [\"sleep\", 5]\n",
            ["/etc/tend/tend.toml:2:21: error: program.web.command[1]: expected a string, found an integer"]
        ),
        (
            "[program.web]\ncommand = \"run %(proces_num)d\"\n",
            ["/etc/tend/tend.toml:2:16: error: program.web.command: unknown name %(proces_num) in expansion; did you mean %(process_num)?"]
        ),
        (
            "[program.web]\ncommand = [\"run\", \"--slot=%(proces_num)d\"]\n",
            ["/etc/tend/tend.toml:2:27: error: program.web.command[1]: unknown name %(proces_num) in expansion; did you mean %(process_num)?"]
        ),
        (
            "[program.web]\ncommand = \"sleep 1\"\nenvironment = { SLOT = \"%(proces_num)d\" }\n",
            ["/etc/tend/tend.toml:3:25: error: program.web.environment.SLOT: unknown name %(proces_num) in expansion; did you mean %(process_num)?"]
        ),
        (
            "[program.web]\ncommand = \"sleep 1\"\nstderr_logfile = \"/var/log/%(proces_num)d.log\"\n",
            ["/etc/tend/tend.toml:3:28: error: program.web.stderr_logfile: unknown name %(proces_num) in expansion; did you mean %(process_num)?"]
        ),
        (
            "[program.web]\ncommand = \"sleep 1\"\nprocess_name = \"web-%(proces_num)d\"\n",
            ["/etc/tend/tend.toml:3:21: error: program.web.process_name: unknown name %(proces_num) in expansion; did you mean %(process_num)?"]
        ),
        (
            "[program.web]\ncommand = \"echo 'unterminated\"\n",
            ["/etc/tend/tend.toml:2:17: error: program.web.command: unterminated single quote in command"]
        ),
        (
            "[programs.web]\ncommand = \"sleep 1\"\n",
            ["/etc/tend/tend.toml:1:2: error: programs: unknown section \"programs\"; did you mean \"program\"?"]
        ),
        (
            "[program.\"my app\"]\ncommand = \"sleep 1\"\n",
            ["/etc/tend/tend.toml:1:10: error: program.\"my app\": \"my app\" is not a valid program name; use letters, digits, \"_\", \".\" and \"-\""]
        ),
        (
            "[daemon]\nsocket_mode = \"0999\"\nloglevel = \"loud\"\n",
            [
                "/etc/tend/tend.toml:2:15: error: daemon.socket_mode: \"0999\" is not an octal mode; write octal digits such as \"022\"",
                "/etc/tend/tend.toml:3:12: error: daemon.loglevel: \"loud\" is not one of \"trace\", \"debug\", \"info\", \"warn\", \"error\", \"critical\"",
            ]
        ),
        (
            "[program.web]\ncommand = \"sleep 1\"\nbackoff = { initial = 5, max = 1, multiplier = 0.5 }\n",
            [
                "/etc/tend/tend.toml:3:32: error: program.web.backoff.max: must not be less than initial (5.0s)",
                "/etc/tend/tend.toml:3:48: error: program.web.backoff.multiplier: must be at least 1, found 0.5",
            ]
        ),
        (
            "[group.queue]\nprograms = [\"wrker\"]\n[program.worker]\ncommand = \"sleep 1\"\n",
            ["/etc/tend/tend.toml:2:13: error: group.queue.programs[0]: group \"queue\" lists \"wrker\", but no program has that name; did you mean \"worker\"?"]
        ),
        (
            "[program.web]\ncommand = \"sleep 1\"\nuser = \"nobody2\"\n",
            ["/etc/tend/tend.toml:3:8: warning: program.web.user: user \"nobody2\" does not exist on this machine; the program will fail to start until it does"]
        ),
    ])
    func eachRuleReportsItsPositionAndSentence(toml: String, expected: [String]) throws {
        #expect(try diagnostics([Self.main: toml]) == expected)
    }

    @Test func aWarningAloneLeavesTheConfigurationValid() throws {
        let loaded = try load([Self.main: "[program.web]\ncommand = \"sleep 1\"\nuser = \"ghost\"\n"])
        #expect(loaded.config != nil)
        #expect(loaded.diagnostics.map(\.severity) == [.warning])
    }

    @Test func duplicateProgramsAcrossFilesNameBothFiles() throws {
        let found = try diagnostics([
            Self.main: "[program.web]\ncommand = \"sleep 1\"\n",
            "/etc/tend/conf.d/web.toml": "# again\n[program.web]\ncommand = \"sleep 2\"\n",
        ])
        #expect(found == ["/etc/tend/conf.d/web.toml:2:10: error: program.web: program \"web\" is defined twice: here and in /etc/tend/tend.toml:1:10"])
    }

    @Test func onlyTheMainFileMayHoldDaemonSettings() throws {
        let found = try diagnostics([
            Self.main: "# nothing but a comment\n",
            "/etc/tend/conf.d/a.toml": "[daemon]\nsocket = \"x.sock\"\n",
        ])
        #expect(found == ["/etc/tend/conf.d/a.toml:1:2: error: daemon: [daemon] belongs in the main file only; move these settings there"])
    }

    @Test func everyProblemInEveryFileIsReportedAtOnce() throws {
        let found = try diagnostics([
            Self.main: "[program.web]\ncommand = \"sleep 1\"\nstartsecs = -1\nautorestart = \"sometimes\"\n",
            "/etc/tend/conf.d/worker.toml": "[program.worker]\ncommand = \"sleep 1\"\nnumprocs = 0\nstopsignal = \"NOPE\"\nstopwaitsec = 3\n",
        ])
        #expect(found.count == 5)
        #expect(found.filter { $0.hasPrefix("/etc/tend/tend.toml:") }.count == 2)
        #expect(found.filter { $0.hasPrefix("/etc/tend/conf.d/worker.toml:") }.count == 3)
    }

    @Test func unreadableIncludesAreLocatedAtTheIncludeKey() throws {
        var files = MemoryFileSystem([
            Self.main: "[daemon]\ninclude = [\"conf.d/*.toml\"]\n",
            "/etc/tend/conf.d/a.toml": "[program.a]\ncommand = \"sleep 1\"\n",
        ])
        files.unreadable = ["/etc/tend/conf.d"]
        let loaded = try ConfigLoader(fileSystem: files, host: .test, workingDirectory: "/").load(mainFile: Self.main)
        #expect(loaded.diagnostics.map(\.description) == [
            "/etc/tend/tend.toml:2:12: error: daemon.include[0]: cannot read /etc/tend/conf.d for include \"conf.d/*.toml\": permission denied",
        ])
    }

    @Test func aDirectoryWhereAFileBelongsIsReported() throws {
        let found = try diagnostics([
            Self.main: "# main\n",
            "/etc/tend/conf.d/dir.toml/inner": "",
        ])
        #expect(found == ["/etc/tend/conf.d/dir.toml:1:1: error: cannot read this file: it is a directory, not a file"])
    }

    @Test func anEmptyFileIsAnError() throws {
        let found = try diagnostics([Self.main: "# main\n", "/etc/tend/conf.d/empty.toml": "\n  \n"])
        #expect(found == ["/etc/tend/conf.d/empty.toml:1:1: error: the file is empty; it should define programs such as [program.NAME] with a command"])
    }

    @Test func anUnreadableMainFileThrows() {
        #expect(throws: FileAccessError(path: "/etc/tend/missing.toml", reason: .notFound)) {
            try load([:], main: "/etc/tend/missing.toml")
        }
    }
}

extension ValidationTests {
    @Test func expandedProcessNamesMustBeUsableAsFileNames() throws {
        let found = try diagnostics([Self.main: "[program.web]\ncommand = \"sleep 1\"\nprocess_name = \"web %(process_num)d\"\n"])
        #expect(found == ["/etc/tend/tend.toml:3:16: error: program.web.process_name: process name \"web 0\" may only hold letters, digits, \"_\", \".\" and \"-\""])
    }

    @Test func aProgramListedInTwoGroupsIsReported() throws {
        let found = try diagnostics([Self.main: "[program.a]\ncommand = \"sleep 1\"\n[group.one]\nprograms = [\"a\"]\n[group.two]\nprograms = [\"a\"]\n"])
        #expect(found == ["/etc/tend/tend.toml:6:13: error: group.two.programs[0]: program \"a\" is already in group \"one\"; a program belongs to one group"])
    }
}
