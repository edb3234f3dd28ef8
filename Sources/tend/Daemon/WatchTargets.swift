import TendCore
import TendSystem

/// What to watch for a configuration: the main file itself, and for each include pattern the directory
/// before its first wildcard (conf.d), with everything beneath it.
enum WatchTargets {
    static func of(mainFile: String, include: [String], workingDirectory: String) -> [WatchTarget] {
        let main = PathResolution.resolve(mainFile, against: workingDirectory)
        let base = PathResolution.directory(of: main)
        var targets: [WatchTarget] = [.file(main)]
        for pattern in include {
            let components = pattern.split(separator: "/", omittingEmptySubsequences: false)
            let fixed = components.prefix { !$0.contains(where: { "*?[".contains($0) }) }
            let prefix = fixed.count == components.count ? components.dropLast() : fixed
            let directory = PathResolution.resolve(prefix.joined(separator: "/").isEmpty && pattern.hasPrefix("/") ? "/" : prefix.joined(separator: "/"), against: base)
            if !targets.contains(.directoryTree(directory)) { targets.append(.directoryTree(directory)) }
        }
        return targets
    }
}
