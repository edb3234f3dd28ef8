import Glibc
import SystemPackage
import TendCore
import TendSystem

/// The operator's standing commands, kept in `state_dir/overrides.json` so that neither a reload nor a
/// restart of the daemon undoes `tend stop web`. Written atomically (temporary file, then rename).
struct OverrideStore {
    let path: String
    private(set) var overrides: [String: OperatorOverride] = [:]
    private var generation: UInt64 = 0

    /// Why the store cannot be opened or saved.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Opens the store at `directory/overrides.json`, reading what an earlier daemon left; a missing file is
    /// an empty store, one that cannot be read is an error naming it.
    init(directory: String) throws(Failure) {
        path = directory + "/overrides.json"
        do {
            try DirectoryCreation.create(directory)
        } catch {
            throw Failure(description: error.description)
        }
        let bytes: [UInt8]
        do {
            bytes = try LocalConfigFileSystem().readFile(path)
        } catch {
            if error.reason == .notFound { return }
            throw Failure(description: "cannot read \(path): \(error.reasonDescription)")
        }
        overrides = try Self.decode(bytes, path: path)
        generation = overrides.values.map(\.generation).max() ?? 0
    }

    /// The overrides in the file's text: `{"NAME": {"generation": N, "intent": "started"|"stopped"}, ...}`.
    private static func decode(_ bytes: [UInt8], path: String) throws(Failure) -> [String: OperatorOverride] {
        let root: [String: ConfigValue]
        do {
            root = try JSONDocumentParser.parse(bytes).root
        } catch {
            throw Failure(description: "\(path):\(error.position.line):\(error.position.column): \(error.message)")
        }
        var overrides: [String: OperatorOverride] = [:]
        for (name, value) in root {
            guard case .table(let entry) = value, case .integer(let generation)? = entry["generation"], generation >= 0,
                case .string(let text)? = entry["intent"], let intent = OperatorOverride.Intent(rawValue: text)
            else {
                throw Failure(description: "\(path): the override of \(JSONStringLiteral.quoted(name)) is not {\"generation\": N, \"intent\": \"started\" or \"stopped\"}")
            }
            overrides[name] = OperatorOverride(intent: intent, generation: UInt64(generation))
        }
        return overrides
    }

    /// Records the operator's `intent` for `names` with a fresh generation, and saves.
    mutating func record(_ intent: OperatorOverride.Intent, for names: [String]) throws(Failure) -> UInt64 {
        generation += 1
        for name in names {
            overrides[name] = OperatorOverride(intent: intent, generation: generation)
        }
        try save()
        return generation
    }

    /// Drops the overrides of processes that no longer exist, and saves if anything changed.
    mutating func prune(keeping names: Set<String>) throws(Failure) {
        let kept = overrides.filter { names.contains($0.key) }
        guard kept.count != overrides.count else { return }
        overrides = kept
        try save()
    }

    /// Writes the file whole beside its final path, then renames it into place.
    private func save() throws(Failure) {
        let temporary = path + ".tmp"
        let bytes = Array(encoded.utf8)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("cannot write \(temporary)") }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let error = failure("cannot write \(temporary)")
                close(fd)
                throw error
            }
            written += count
        }
        guard close(fd) == 0 else { throw failure("cannot write \(temporary)") }
        guard rename(temporary, path) == 0 else { throw failure("cannot move \(temporary) to \(path)") }
    }

    private func failure(_ what: String) -> Failure {
        Failure(description: "\(what): \(String(cString: strerror(errno)))")
    }

    /// The file's text: one line per process, sorted by name. Written by hand:
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
