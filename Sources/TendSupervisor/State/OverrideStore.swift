import Foundation
import TendCore

/// The operator's standing commands, kept in `state_dir/overrides.json` so that neither a reload nor a
/// restart of the daemon undoes `tend stop web`. Written atomically (temporary file, then rename).
struct OverrideStore {
    let path: String
    private(set) var overrides: [String: OperatorOverride] = [:]
    private var generation: UInt64 = 0

    /// Opens the store at `directory/overrides.json`, reading what an earlier daemon left; a missing file is
    /// an empty store, an unreadable one is reported and treated as empty.
    init(directory: String) throws {
        path = directory + "/overrides.json"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        guard FileManager.default.fileExists(atPath: path) else { return }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        overrides = try JSONDecoder().decode([String: OperatorOverride].self, from: data)
        generation = overrides.values.map(\.generation).max() ?? 0
    }

    /// Records the operator's `intent` for `names` with a fresh generation, and saves.
    mutating func record(_ intent: OperatorOverride.Intent, for names: [String]) throws -> UInt64 {
        generation += 1
        for name in names {
            overrides[name] = OperatorOverride(intent: intent, generation: generation)
        }
        try save()
        return generation
    }

    /// Drops the overrides of processes that no longer exist, and saves if anything changed.
    mutating func prune(keeping names: Set<String>) throws {
        let kept = overrides.filter { names.contains($0.key) }
        guard kept.count != overrides.count else { return }
        overrides = kept
        try save()
    }

    private func save() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let temporary = path + ".tmp"
        try encoder.encode(overrides).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
