/// Puts the fragments of every file together into one `Config`: names unique across files, groups that
/// refer to real programs, and every program expanded into its instances.
public enum ConfigAssembler {
    /// The assembled configuration and every diagnostic of every fragment and of assembly; the
    /// configuration is nil when any diagnostic is an error.
    public static func assemble(main: ConfigFragment, includes: [ConfigFragment], host: HostFacts) -> (config: Config?, diagnostics: [Diagnostic]) {
        let fragments = [main] + includes
        var diagnostics = fragments.flatMap(\.diagnostics)
        let daemon = main.daemon ?? DaemonConfig.defaults(in: main.origin.directory)

        var programs: [String: ProgramDraft] = [:]
        for fragment in fragments {
            for draft in fragment.programs {
                if let first = programs[draft.name] {
                    let firstAt = first.origin.keyPosition(of: first.path)
                    diagnostics.append(draft.origin.diagnostic(
                        .error, "program \"\(draft.name)\" is defined twice: here and in \(first.origin.file):\(firstAt)",
                        at: draft.path, onKey: true))
                } else {
                    programs[draft.name] = draft
                }
            }
        }
        let groupOf = assignGroups(fragments, programs: programs, diagnostics: &diagnostics)
        var expanded: [ProgramConfig] = []
        var instanceOwners: [String: ProgramDraft] = [:]
        for name in programs.keys.sorted() {
            let draft = programs[name]!
            let groupName = groupOf[name] ?? name
            guard let program = InstanceExpander.expand(draft, groupName: groupName, daemon: daemon, host: host, diagnostics: &diagnostics) else { continue }
            for instance in program.instances {
                if let owner = instanceOwners[instance.name], owner.name != draft.name {
                    diagnostics.append(draft.origin.diagnostic(
                        .error, "process name \"\(instance.name)\" is also used by program \"\(owner.name)\" (\(owner.origin.file)); give each program its own process_name",
                        at: draft.processNamePath))
                } else if instanceOwners[instance.name] == nil {
                    instanceOwners[instance.name] = draft
                }
            }
            expanded.append(program)
        }
        let groups = fragments.flatMap(\.groups).sorted { $0.name < $1.name }
        let config = diagnostics.containsErrors ? nil : Config(daemon: daemon, programs: expanded, groups: uniqueByName(groups))
        return (config, diagnostics.sortedByLocation())
    }

    /// Checks every group and returns the group of each listed program.
    private static func assignGroups(_ fragments: [ConfigFragment], programs: [String: ProgramDraft], diagnostics: inout [Diagnostic]) -> [String: String] {
        var groupOf: [String: String] = [:]
        var seen: [String: (ConfigFragment, ConfigPath)] = [:]
        for fragment in fragments {
            for group in fragment.groups {
                let path = fragment.groupPaths[group.name] ?? [.key("group"), .key(group.name)]
                if let (first, firstPath) = seen[group.name] {
                    diagnostics.append(fragment.origin.diagnostic(
                        .error, "group \"\(group.name)\" is defined twice: here and in \(first.file):\(first.origin.keyPosition(of: firstPath))",
                        at: path, onKey: true))
                    continue
                }
                seen[group.name] = (fragment, path)
                if let program = programs[group.name], !(group.programs == [group.name]) {
                    diagnostics.append(fragment.origin.diagnostic(
                        .error, "group \"\(group.name)\" has the same name as a program (\(program.origin.file)); \(group.name):* would be ambiguous",
                        at: path, onKey: true))
                }
                for (index, member) in group.programs.enumerated() {
                    let memberPath = path.appending("programs").appending(index: index)
                    guard programs[member] != nil else {
                        var message = "group \"\(group.name)\" lists \"\(member)\", but no program has that name"
                        if let suggestion = DidYouMean.suggestion(for: member, among: Array(programs.keys)) {
                            message += "; did you mean \"\(suggestion)\"?"
                        }
                        diagnostics.append(fragment.origin.diagnostic(.error, message, at: memberPath))
                        continue
                    }
                    if let other = groupOf[member], other != group.name {
                        diagnostics.append(fragment.origin.diagnostic(
                            .error, "program \"\(member)\" is already in group \"\(other)\"; a program belongs to one group", at: memberPath))
                        continue
                    }
                    groupOf[member] = group.name
                }
            }
        }
        return groupOf
    }

    private static func uniqueByName(_ groups: [GroupConfig]) -> [GroupConfig] {
        var seen = Set<String>()
        return groups.filter { seen.insert($0.name).inserted }
    }
}
