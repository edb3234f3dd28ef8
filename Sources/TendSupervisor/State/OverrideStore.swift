import FoundationEssentials
import Glibc
import SystemPackage
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
        let temporary = path + ".tmp"
        try Data(encoded.utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            throw Errno(rawValue: errno)
        }
    }

    /// The file's text: one line per process, sorted by name, as JSONDecoder reads it back. Written by hand:
    /// JSONEncoder with sorted keys took a fifth of the supervisor's time in `tend stop all` at 1,000 programs.
    private var encoded: String {
        var text = "{"
        for (index, name) in overrides.keys.sorted().enumerated() {
            guard let entry = overrides[name] else { continue }
            text += index == 0 ? "\n  " : ",\n  "
            text += JSONStringLiteral.quoted(name) + ": {\"generation\": \(entry.generation), \"intent\": \"\(entry.intent.rawValue)\"}"
        }
        return text + "\n}\n"
    }
}
