import Testing
@testable import TendCore

@Suite struct ValueParsingTests {
    @Test(arguments: [
        (ConfigValue.integer(10), Duration.seconds(10)),
        (.float(1.5), .milliseconds(1500)),
        (.string("500ms"), .milliseconds(500)),
        (.string("10s"), .seconds(10)),
        (.string("2m"), .seconds(120)),
        (.string("1.5h"), .seconds(5400)),
        (.integer(0), .zero),
    ])
    func durationsReadSecondsOrOneUnit(value: ConfigValue, expected: Duration) throws {
        #expect(try DurationValue.parse(value).get() == expected)
    }

    @Test(arguments: [
        (ConfigValue.integer(-1), "must be zero or more, found -1"),
        (.string("-3s"), "must be zero or more, found \"-3s\""),
        (.string("10 seconds"), "\"10 seconds\" is not a duration; write seconds as a number, or a number with one unit: ms, s, m or h (\"500ms\", \"10s\")"),
        (.boolean(true), "expected a duration (seconds as a number, or a string such as \"500ms\", \"10s\", \"2m\"), found a boolean (true)"),
    ])
    func badDurationsSayWhatIsWrong(value: ConfigValue, message: String) {
        guard case .failure(let error) = DurationValue.parse(value) else { Issue.record("accepted \(value)"); return }
        #expect(error.message == message)
    }

    @Test(arguments: [
        (ConfigValue.integer(1024), Int64(1024)),
        (.string("50MB"), 50 << 20),
        (.string("1 kb"), 1024),
        (.string("2GiB"), 2 << 30),
        (.string("10"), 10),
        (.string("0"), 0),
    ])
    func byteSizesUsePowersOf1024(value: ConfigValue, expected: Int64) throws {
        #expect(try ByteSizeValue.parse(value).get() == expected)
    }

    @Test(arguments: [ConfigValue.string("50XB"), .string("MB"), .integer(-5), .float(1.5)])
    func badByteSizesAreRejected(value: ConfigValue) {
        #expect((try? ByteSizeValue.parse(value).get()) == nil)
    }

    @Test(arguments: [
        (ConfigValue.string("022"), UInt32(0o022)),
        (.string("0o077"), 0o077),
        (.string("0600"), 0o600),
        (.integer(0o027), 0o027),
    ])
    func octalModes(value: ConfigValue, expected: UInt32) throws {
        #expect(try OctalModeValue.parse(value).get() == expected)
    }

    @Test func octalModesRejectNonOctalDigits() {
        guard case .failure(let error) = OctalModeValue.parse(.string("089")) else { Issue.record("accepted 089"); return }
        #expect(error.message == "\"089\" is not an octal mode; write octal digits such as \"022\"")
    }

    @Test(arguments: [
        (ConfigValue.boolean(true), AutorestartPolicy.always),
        (.boolean(false), .never),
        (.string("unexpected"), .unexpected),
        (.string("ALWAYS"), .always),
    ])
    func autorestartAcceptsWordsAndBooleans(value: ConfigValue, expected: AutorestartPolicy) throws {
        #expect(try PolicyValues.autorestart(value).get() == expected)
    }

    @Test func signalsSuggestTheNearestName() throws {
        guard case .failure(let error) = PolicyValues.signal(.string("SIGTREM")) else { Issue.record("accepted"); return }
        #expect(error.message == "unknown signal \"SIGTREM\"; did you mean \"TERM\"?")
        #expect(try PolicyValues.signal(.string("hup")).get() == .hangup)
        #expect(try PolicyValues.signal(.integer(9)).get() == .kill)
    }

    @Test func retriesAreCountedOrInfinite() throws {
        #expect(try PolicyValues.startretries(.integer(5)).get() == .limited(5))
        #expect(try PolicyValues.startretries(.string("infinite")).get() == .infinite)
        #expect((try? PolicyValues.startretries(.integer(-1)).get()) == nil)
    }

    @Test func exitcodesMustBeBytes() throws {
        #expect(try PolicyValues.exitcodes(.array([.integer(0), .integer(2)])).get() == [0, 2])
        guard case .failure(let error) = PolicyValues.exitcodes(.array([.integer(256)])) else { Issue.record("accepted"); return }
        #expect(error.message == "exit code 256 is outside 0-255")
    }
}
