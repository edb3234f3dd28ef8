import Testing
@testable import TendCore

@Suite struct ConfigSnapshotTests {
    private static func snapshot(_ files: [String: String]) -> ConfigSnapshot {
        ConfigSnapshot(contents: files.mapValues { Array($0.utf8) })
    }

    @Test(arguments: [
        ([:], [:], ConfigSnapshotDiff()),
        (["a": "1"], ["a": "1"], ConfigSnapshotDiff()),
        ([:], ["a": "1"], ConfigSnapshotDiff(added: ["a"])),
        (["a": "1"], [:], ConfigSnapshotDiff(removed: ["a"])),
        (["a": "1"], ["a": "2"], ConfigSnapshotDiff(changed: ["a"])),
        (["a": "1"], ["a": "1 "], ConfigSnapshotDiff(changed: ["a"])),
        (["a": "1", "b": "1", "c": "1"], ["b": "2", "c": "1", "d": "1", "0": "1"],
         ConfigSnapshotDiff(added: ["0", "d"], changed: ["b"], removed: ["a"])),
    ] as [([String: String], [String: String], ConfigSnapshotDiff)])
    func diffNamesWhatWasAddedChangedAndRemoved(old: [String: String], new: [String: String], expected: ConfigSnapshotDiff) {
        let diff = Self.snapshot(new).changes(since: Self.snapshot(old))
        #expect(diff == expected)
        #expect(diff.isEmpty == (expected == ConfigSnapshotDiff()))
    }

    @Test func recordingReplacesAFile() {
        var snapshot = Self.snapshot(["a": "1"])
        snapshot.record(path: "a", bytes: Array("2".utf8))
        #expect(snapshot == Self.snapshot(["a": "2"]))
    }
}
