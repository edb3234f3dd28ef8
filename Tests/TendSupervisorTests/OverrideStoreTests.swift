import Foundation
import Testing
import TendCore
@testable import TendSupervisor

/// The operator's overrides on disk: what one daemon wrote, the next one reads back, whatever the names.
@Suite struct OverrideStoreTests {
    @Test func overridesSurviveAReopenWithAnyName() throws {
        let directory = NSTemporaryDirectory() + "tend-overrides-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var store = try OverrideStore(directory: directory)
        let names = ["web", "we\"ird\\name", "tab\tand\u{1}control", "ünïcode_01"]
        let first = try store.record(.stopped, for: names)
        let second = try store.record(.started, for: ["web"])
        let reopened = try OverrideStore(directory: directory)
        #expect(reopened.overrides == store.overrides)
        #expect(reopened.overrides["web"] == OperatorOverride(intent: .started, generation: second))
        #expect(reopened.overrides["we\"ird\\name"] == OperatorOverride(intent: .stopped, generation: first))
        // A new record after reopening continues the generations rather than reusing one.
        var again = reopened
        #expect(try again.record(.started, for: ["web"]) > second)
    }

    @Test func anEmptyStoreIsValidJSON() throws {
        let directory = NSTemporaryDirectory() + "tend-overrides-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var store = try OverrideStore(directory: directory)
        _ = try store.record(.stopped, for: ["gone"])
        try store.prune(keeping: [])
        #expect(try OverrideStore(directory: directory).overrides.isEmpty)
    }

    @Test func aDamagedFileIsAnErrorThatNamesItAndWhere() throws {
        let directory = NSTemporaryDirectory() + "tend-overrides-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let cases = [
            ("{\n  \"web\": {\"generation\": 1,", "\(directory)/overrides.json:2:"),
            (#"{"web": {"generation": 1, "intent": "paused"}}"#, "\(directory)/overrides.json: the override of \"web\" is not"),
        ]
        for (text, start) in cases {
            try text.write(toFile: directory + "/overrides.json", atomically: true, encoding: .utf8)
            #expect {
                _ = try OverrideStore(directory: directory)
            } throws: { error in
                "\(error)".hasPrefix(start)
            }
        }
    }
}
