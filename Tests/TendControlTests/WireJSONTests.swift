import Foundation
import TendControl
import TendCore
import TendSupervisor
import Testing

/// tend's own wire JSON encoder and decoder, held to the bytes Foundation's JSONEncoder wrote with the
/// settings WireJSON used to have, and to the errors its JSONDecoder threw.
@Suite struct WireJSONTests {
    // MARK: Every wire type

    static let everyField = ProcessStatus(
        name: "web_01", program: "web", group: "front", state: "EXITED", pid: 4_321, startedAt: 1_732_561_262.25,
        uptimeSeconds: 62.5, lastExit: "exit status 1", error: "cannot execute /srv/web: Permission denied",
        override: "stopped", file: "/etc/tend/conf.d/web.toml", priority: -5, stdoutLog: "/var/log/tend/web.out",
        stderrLog: "/var/log/tend/web.err", stoppedAt: 1_732_561_324.75)

    static let events: [SupervisorEvent] = [
        .stateChanged(name: "web", from: "STARTING", to: "RUNNING", pid: 123, detail: "up \"fast\"", time: 1_732_561_262.5),
        .stateChanged(name: "web", from: "RUNNING", to: "EXITED", pid: nil, detail: nil, time: 1e-7),
        .reloaded(actions: ["start web", "stop old"], time: 0),
        .reloaded(actions: [], time: 1e16),
        .configError(file: "conf.d/web.toml", diagnostics: ["conf.d/web.toml:3:1: error: bad\tkey"], time: 12.125),
        .configFixed(file: "conf.d/web.toml", time: 1_732_561_262),
    ]

    @Test func everyWireTypeReadsBackAndIsWrittenAsFoundationWroteIt() throws {
        try expectWireForm(StatusReply(processes: [Self.everyField, .sample("db", state: "STOPPED")]))
        try expectWireForm(StatusReply(processes: []))
        try expectWireForm(CommandReply(results: [
            CommandResult(name: "web", error: nil, state: "RUNNING"),
            CommandResult(name: "db", error: ControlError(.spawnError, "cannot execute /nope"), state: "FATAL"),
        ]))
        try expectWireForm(PlanReport(
            actions: [.init(kind: "start", name: "web", reason: "new in conf.d/web.toml"), .init(kind: "stop", name: "old", reason: "removed")],
            diagnostics: ["conf.d/x.toml:1:1: error: unknown key \"comand\""], invalid: true))
        try expectWireForm(PlanReport(actions: [], diagnostics: [], invalid: false))
        for event in Self.events {
            try expectWireForm(WireEvent(event))
            #expect(try WireJSON.decode(WireEvent.self, from: WireJSON.encode(WireEvent(event))).event == event)
        }
        try expectWireForm(ErrorReply(ControlError(.badName, "no process, program or group is named 'x'")))
        try expectWireForm(VersionReply(version: "0.1.0"))
        try expectWireForm(SignalRequest(signal: "SIGHUP"))
        try expectWireForm(ShutdownReply())
    }

    @Test func anUnknownErrorCodeIsReadAsFailedWithItsMessage() throws {
        let reply = try WireJSON.decode(ErrorReply.self, from: Array(#"{"error":{"code":"from_the_future","message":"later"}}"#.utf8))
        #expect(reply.error.code == "from_the_future")
        #expect(reply.controlError == ControlError(.failed, "later"))
    }

    // MARK: Output form

    struct Small: Codable, Equatable {
        struct Inner: Codable, Equatable {
            var lastExit: String?
            var values: [Int]
        }

        var uptimeSeconds: Double
        var stdoutLog: String?
        var stderrLog: String?
        var empty: [Int]
        var emptyObject: [String: Int]
        var inner: Inner
        var optionals: [Int?]
        var byName: [String: Int]
    }

    static let small = Small(
        uptimeSeconds: 62.5, stdoutLog: "/var/log/web.out", stderrLog: nil, empty: [], emptyObject: [:],
        inner: .init(lastExit: "exit status 0", values: [1, -2]), optionals: [nil, 3], byName: ["webServer": 1])

    @Test func theCompactFormIsExactlyFoundations() throws {
        let expected = #"{"by_name":{"webServer":1},"empty":[],"empty_object":{},"inner":{"last_exit":"exit status 0","values":[1,-2]},"# + #""optionals":[null,3],"stdout_log":"/var/log/web.out","uptime_seconds":62.5}"#
        #expect(try text(WireJSON.encode(Self.small)) == expected)
        #expect(try text(Self.foundationEncoder(pretty: false).encode(Self.small)) == expected)
        #expect(try WireJSON.decode(Small.self, from: WireJSON.encode(Self.small)) == Self.small)
    }

    @Test func thePrettyFormIsExactlyFoundations() throws {
        let expected = """
            {
              "by_name" : {
                "webServer" : 1
              },
              "empty" : [

              ],
              "empty_object" : {

              },
              "inner" : {
                "last_exit" : "exit status 0",
                "values" : [
                  1,
                  -2
                ]
              },
              "optionals" : [
                null,
                3
              ],
              "stdout_log" : "/var/log/web.out",
              "uptime_seconds" : 62.5
            }
            """
        #expect(try text(WireJSON.encode(Self.small, pretty: true)) == expected)
        #expect(try text(Self.foundationEncoder(pretty: true).encode(Self.small)) == expected)
        #expect(try WireJSON.decode(Small.self, from: WireJSON.encode(Self.small, pretty: true)) == Self.small)
        try expectWireForm([[Int]](), [[]], [[1], []])
    }

    @Test func stringsAreEscapedAsJSONRequiresAndSlashesAreNot() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        let text = controls + "\"quoted\" back\\slash a/b \u{7F} é ü 漢字 😀 \u{2028}"
        try expectWireForm(SignalRequest(signal: text))
        let written = self.text(try WireJSON.encode(SignalRequest(signal: "\u{0}\u{8}\u{C}\u{1F}\"\\/é")))
        #expect(written == #"{"signal":"\u0000\b\f\u001f\"\\/é"}"#)
        #expect(try WireJSON.decode(SignalRequest.self, from: Array(#"{"signal":"\u00e9\ud83d\ude00\/"}"#.utf8)).signal == "é😀/")
    }

    @Test func keysAreConvertedAsFoundationConvertsThem() throws {
        let keys = [
            "uptimeSeconds", "stdoutLog", "URL", "myURL", "myURLValue", "_private", "_Ab", "x_", "x__Y", "a1B2",
            "alreadySnake_case", "ÄbcDef", "äÖx", "HTTPResponse", "with space", "a", "A", "ID", "userID", "value2Go",
        ]
        // The conversion loses information (`x__Y` reads back as `xY`), so only the written form is compared.
        for key in keys {
            try expectWrittenAsFoundation(DynamicKeys(keys: [key]))
        }
        // The object's keys are sorted by their converted names.
        try expectWrittenAsFoundation(DynamicKeys(keys: ["b", "aB", "a_c", "ab", "Z", "a10", "a9", "é", "e"]))
    }

    @Test func keysAreFoundUnderTheirSnakeCaseOrTheirOwnName() throws {
        let snake = try WireJSON.decode(ProcessStatus.self, from: Array(#"{"name":"w","program":"w","group":"w","state":"RUNNING","priority":1,"uptime_seconds":3}"#.utf8))
        #expect(snake.uptimeSeconds == 3)
        let camel = try WireJSON.decode(ProcessStatus.self, from: Array(#"{"name":"w","program":"w","group":"w","state":"RUNNING","priority":1,"uptimeSeconds":3}"#.utf8))
        #expect(camel.uptimeSeconds == 3)
        let json = Array(#"{"uptime_seconds":1,"stdout_log":2,"_x_y_":3,"a":4,"URL_value":5,"plain":6}"#.utf8)
        let foundation = try Self.foundationDecoder().decode(KeyNames.self, from: Data(json))
        #expect(try WireJSON.decode(KeyNames.self, from: json) == foundation)
        #expect(foundation.names == ["_xY_", "a", "plain", "stdoutLog", "uptimeSeconds", "urlValue"])
    }

    // MARK: Numbers

    @Test func numbersAreWrittenAsFoundationWritesThem() throws {
        let doubles: [Double] = [
            0, -0.0, 1, -1, 1.5, 0.1, 1e16, 1e15, 123_456_789_012_345_680, 1e-7, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 100, 1e21,
            12_345.678, -3.25e-5, 0.001, 1_732_561_262.25,
        ]
        try expectWireForm(doubles)
        try expectWireForm([Float(0.1), 1e16, .greatestFiniteMagnitude, 1.5, 16_777_216, .leastNonzeroMagnitude])
        try expectWireForm([Int64.min, Int64.max, 0])
        try expectWireForm([UInt64.max])
        try expectWireForm(Integers(a: .min, b: .max, c: .min, d: .max, e: .max, f: .max, g: .max, h: .max, i: .min, j: UInt(Int64.max)))
        #expect(text(try WireJSON.encode([1e16, 1e-7])) == "[1e+16,1e-07]")
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteNumbersAreRefused(_ number: Double) {
        let error = #expect(throws: EncodingError.self) { try WireJSON.encode(WireEvent(.reloaded(actions: [], time: number))) }
        guard case .invalidValue(_, let context) = error else { Issue.record("not invalidValue: \(String(describing: error))"); return }
        #expect(context.codingPath.map(\.stringValue) == ["time"])
        #expect(throws: EncodingError.self) { try WireJSON.encode(["x": Float.nan]) }
    }

    @Test func wholeNumbersInAnyFormReadAsIntegersAndIntegersAsDoubles() throws {
        #expect(try value(Int.self, "1e3") == 1_000)
        #expect(try value(Int.self, "2.0") == 2)
        #expect(try value(Int.self, "-0") == 0)
        #expect(try value(Int64.self, "-9223372036854775808") == .min)
        #expect(try value(UInt32.self, "4294967295") == .max)
        #expect(try value(Double.self, "3") == 3)
        #expect(try value(Double.self, "-9223372036854775808") == -9_223_372_036_854_775_808)
        #expect(try value(Float.self, "0.1") == 0.1)
    }

    @Test(arguments: [
        ("1.5", "Int"), ("300", "Int8"), ("-1", "UInt"), ("99999999999999999999", "Int"), ("1e300", "Float"),
        ("18446744073709551615", "UInt64"), ("-129", "Int8"), ("1e-300", "Int"),
    ])
    func numbersATypeCannotHoldThrowRatherThanBeingTruncated(_ json: String, _ type: String) {
        let error = #expect(throws: DecodingError.self) {
            switch type {
            case "Int8": _ = try value(Int8.self, json)
            case "UInt": _ = try value(UInt.self, json)
            case "UInt64": _ = try value(UInt64.self, json)
            case "Float": _ = try value(Float.self, json)
            default: _ = try value(Int.self, json)
            }
        }
        guard case .dataCorrupted(let context) = error else { Issue.record("not dataCorrupted: \(String(describing: error))"); return }
        #expect(context.codingPath.map(\.stringValue) == ["value"])
        #expect(context.debugDescription.contains("does not fit in \(type)"))
    }

    // MARK: Decoding errors

    @Test func aMissingKeyIsKeyNotFoundWithItsPath() {
        let json = Array(#"{"processes":[{"name":"web","group":"web","state":"RUNNING","priority":1}]}"#.utf8)
        let error = #expect(throws: DecodingError.self) { try WireJSON.decode(StatusReply.self, from: json) }
        guard case .keyNotFound(let key, let context) = error else { Issue.record("not keyNotFound: \(String(describing: error))"); return }
        #expect(key.stringValue == "program")
        #expect(context.codingPath.map(\.stringValue) == ["processes", "Index 0"])
    }

    @Test func aValueOfTheWrongKindIsTypeMismatch() {
        let error = #expect(throws: DecodingError.self) { try WireJSON.decode(SignalRequest.self, from: Array(#"{"signal":1}"#.utf8)) }
        guard case .typeMismatch(let type, let context) = error else { Issue.record("not typeMismatch: \(String(describing: error))"); return }
        #expect(ObjectIdentifier(type) == ObjectIdentifier(String.self))
        #expect(context.codingPath.map(\.stringValue) == ["signal"])
        #expect(throws: DecodingError.self) { try WireJSON.decode(StatusReply.self, from: Array(#"{"processes":{}}"#.utf8)) }
        #expect(throws: DecodingError.self) { try WireJSON.decode(StatusReply.self, from: Array(#"{"processes":[1]}"#.utf8)) }
        #expect(throws: DecodingError.self) { try WireJSON.decode(PlanReport.self, from: Array(#"{"actions":[],"diagnostics":[],"invalid":"no"}"#.utf8)) }
        #expect(throws: DecodingError.self) { try WireJSON.decode(WireEvent.self, from: Array(#"{"type":"party","time":1}"#.utf8)) }
    }

    @Test func nullForARequiredValueIsValueNotFound() throws {
        let error = #expect(throws: DecodingError.self) { try WireJSON.decode(SignalRequest.self, from: Array(#"{"signal":null}"#.utf8)) }
        guard case .valueNotFound = error else { Issue.record("not valueNotFound: \(String(describing: error))"); return }
        let event = try WireJSON.decode(WireEvent.self, from: Array(#"{"type":"state","time":1,"pid":null}"#.utf8))
        #expect(event.pid == nil)
    }

    @Test(arguments: [#"{"signal":"HUP""#, "", "not json", #"{"signal":"HUP"} x"#, "[1]", #"{"signal":'HUP'}"#, "{\"signal\":\"\u{1}\"}"])
    func malformedJSONIsDataCorrupted(_ json: String) {
        let error = #expect(throws: DecodingError.self) { try WireJSON.decode(SignalRequest.self, from: Array(json.utf8)) }
        guard case .dataCorrupted(let context) = error else { Issue.record("not dataCorrupted: \(String(describing: error))"); return }
        #expect(context.underlyingError is SyntaxError)
        #expect(throws: DecodingError.self) { try WireJSON.decode(SignalRequest.self, from: [0xFF, 0xFE]) }
    }

    // MARK: Helpers

    /// `value` is written as Foundation wrote it, compact and pretty.
    private func expectWrittenAsFoundation(_ value: some Encodable, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for pretty in [false, true] {
            let ours = try WireJSON.encode(value, pretty: pretty)
            #expect(text(ours) == text(try Self.foundationEncoder(pretty: pretty).encode(value)), sourceLocation: sourceLocation)
        }
    }

    /// `value` is written as Foundation wrote it, compact and pretty, and reads back as itself, with tend's
    /// decoder (when it is an object) and with Foundation's.
    private func expectWireForm<Value: Codable & Equatable>(
        _ values: Value..., sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        for value in values {
            try expectWrittenAsFoundation(value, sourceLocation: sourceLocation)
            for pretty in [false, true] {
                let ours = try WireJSON.encode(value, pretty: pretty)
                #expect(try Self.foundationDecoder().decode(Value.self, from: Data(ours)) == value, sourceLocation: sourceLocation)
                if text(ours).hasPrefix("{") {
                    #expect(try WireJSON.decode(Value.self, from: ours) == value, sourceLocation: sourceLocation)
                }
            }
        }
    }

    /// The value of `{"value": json}` as `type`.
    private func value<Value: Decodable>(_ type: Value.Type, _ json: String) throws -> Value {
        try WireJSON.decode(Box<Value>.self, from: Array("{\"value\":\(json)}".utf8)).value
    }

    private func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private func text(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self)
    }

    /// Foundation's encoder set up as WireJSON's used to be.
    private static func foundationEncoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private static func foundationDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}

private struct Box<Value: Decodable>: Decodable {
    var value: Value
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// An object whose keys are chosen at run time, each with the value 1.
private struct DynamicKeys: Encodable {
    var keys: [String]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        for key in keys { try container.encode(1, forKey: AnyKey(stringValue: key)) }
    }
}

/// The names `allKeys` gives an object's keys, sorted.
private struct KeyNames: Decodable, Equatable {
    var names: [String]

    init(from decoder: any Decoder) throws {
        names = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue).sorted()
    }
}

private struct Integers: Codable, Equatable {
    var a: Int8, b: Int8, c: Int16, d: Int16, e: Int32, f: UInt8, g: UInt16, h: UInt32, i: Int, j: UInt
}
