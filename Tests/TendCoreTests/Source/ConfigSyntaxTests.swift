import Testing
@testable import TendCore

@Suite struct ConfigSyntaxTests {
    @Test(arguments: [
        ("tend.toml", ConfigSyntax.toml), ("conf.d/web.JSON", .json), ("/etc/tend/conf.d/a.b.toml", .toml),
        ("web.yaml", nil), ("toml", nil), (".toml", nil), ("dir.toml/file", nil),
    ] as [(String, ConfigSyntax?)])
    func choosesTheSyntaxByExtension(path: String, syntax: ConfigSyntax?) {
        #expect(ConfigSyntax(path: path) == syntax)
    }

    @Test func theSameConfigInBothSyntaxesGivesTheSameTree() throws {
        let toml = """
            [daemon]
            socket = "tend.sock"
            include = ["conf.d/*.toml", "conf.d/*.json"]

            [program.web]
            command = ["python3", "-m", "http.server", "8000"]
            environment = { PORT = "8000", "MY VAR" = 'x y' }
            autostart = true
            exitcodes = [0, 2]
            startsecs = 1.5
            stopwaitsecs = 10

            [program."my app"]
            command = "sleep 1000"
            numprocs = 2

            [[program.web.hooks]]
            on = "start"
            [[program.web.hooks]]
            on = "stop"
            """
        let json = """
            {
              "daemon": {"socket": "tend.sock", "include": ["conf.d/*.toml", "conf.d/*.json"]},
              "program": {
                "web": {
                  "command": ["python3", "-m", "http.server", "8000"],
                  "environment": {"PORT": "8000", "MY VAR": "x y"},
                  "autostart": true,
                  "exitcodes": [0, 2],
                  "startsecs": 1.5,
                  "stopwaitsecs": 10,
                  "hooks": [{"on": "start"}, {"on": "stop"}]
                },
                "my app": {"command": "sleep 1000", "numprocs": 2}
              }
            }
            """
        let fromTOML = try ConfigSyntax.toml.parse(bytes: Array(toml.utf8))
        let fromJSON = try ConfigSyntax.json.parse(bytes: Array(json.utf8))
        #expect(fromTOML.root == fromJSON.root)
        #expect(Set(fromTOML.sourceMap.keys.keys) == Set(fromJSON.sourceMap.keys.keys))
    }

    static let pngHeader: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]

    @Test(arguments: ConfigSyntax.allCases)
    func aPNGHeaderIsALocatedError(syntax: ConfigSyntax) {
        let expected = SyntaxError(position: .start, message: "invalid UTF-8 byte 0x89")
        #expect(syntaxError(ConfigSyntaxTests.pngHeader, syntax.parse) == expected)
    }

    @Test(arguments: ConfigSyntax.allCases)
    func randomBytesGiveALocatedErrorAndNoCrash(syntax: ConfigSyntax) {
        var generator = SeededGenerator(seed: 0x7E4D)
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 1...200, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            guard let error = syntaxError(bytes, syntax.parse) else { continue }
            #expect(isInside(error.position, bytes))
        }
    }

    static let mutationSeeds: [ConfigSyntax: [String]] = [
        .toml: [
            "[program.web]\ncommand = [\"a\", 'b']\nenv = { A = \"1\", b.c = 2 }\n[[x.y]]\nz = 1979-05-27 07:32:00\n",
            "a = \"\"\"x\\\n y\"\"\"\nb = '''q'''\n[t . \"u\"]\nc = [ [1, 2], [\"x\"], ]\nd = { e = { f = 1.5e3 } }\n",
            "x = 0x1F\nw = -inf\nt = 07:32:00\n[[a]]\n[[a.b]]\n[a.c]\nd = [1979-05-27T07:32:00Z, 1979-05-27 07:32:00.5+01:00]\n",
        ],
        .json: [
            "{\"program\": {\"web\": {\"command\": [\"a\", \"b\\u00e9\"], \"n\": -1.5e3, \"ok\": [true, null]}}}",
            "{\n  \"a\": {\"b\": [[], {}, \"\\ud83d\\ude00\"]},\r\n  \"c\": 0, \"d\": false\n}\n",
        ],
    ]

    /// Random edits (replace, insert, delete) of valid documents, from characters that matter to the
    /// syntaxes: this is how the inputs toml++ (the TOML parser tend once used) asserted on were found.
    @Test(arguments: ConfigSyntax.allCases)
    func mutatedDocumentsNeverCrashAndErrorsStayInsideTheFile(syntax: ConfigSyntax) {
        let documents = ConfigSyntaxTests.mutationSeeds[syntax] ?? []
        let pieces = Array("[]{}\"'=,.:#\n\r\\ \t0e-x+_é1TZ\u{0}\u{2028}\u{85}\u{A0}".utf8)
        var generator = SeededGenerator(seed: 0x51DE)
        for round in 0..<3_000 {
            var bytes = Array(documents[round % documents.count].utf8)
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                let piece = pieces.randomElement(using: &generator) ?? 0
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = piece
                case 1: bytes.insert(piece, at: index)
                default: if bytes.count > 2 { bytes.remove(at: index) }
                }
            }
            guard let error = syntaxError(bytes, syntax.parse) else { continue }
            #expect(isInside(error.position, bytes), "\(error) for \(String(decoding: bytes, as: UTF8.self))")
            #expect(!error.message.isEmpty && !error.message.hasPrefix("Error while parsing"))
        }
    }

    /// Whether `position` names a line and column of the text, or the place just after its end.
    private func isInside(_ position: SourcePosition, _ bytes: [UInt8]) -> Bool {
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard position.line >= 1, position.line <= lines.count else { return false }
        let scalars = lines[position.line - 1].filter { $0 & 0xC0 != 0x80 }.count
        return position.column >= 1 && position.column <= scalars + 2
    }
}

/// A small deterministic random number generator (SplitMix64), so that a failing input can be reproduced.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
