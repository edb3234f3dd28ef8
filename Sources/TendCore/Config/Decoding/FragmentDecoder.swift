/// Decodes one parsed file into a `ConfigFragment`, reporting every problem it finds rather than the first.
public enum FragmentDecoder {
    /// Decodes `document`, parsed from `source` (the text of `file`, in `directory`). Only the main file
    /// may hold `[daemon]`.
    public static func decode(
        _ document: ParsedDocument, source: SourceText, file: String, directory: String, isMain: Bool
    ) -> ConfigFragment {
        let origin = DocumentOrigin(file: file, directory: directory, source: source)
        var context = DecodingContext(origin: origin, sourceMap: document.sourceMap)
        var daemon: DaemonConfig?
        var programs: [ProgramDraft] = []
        var groups: [GroupConfig] = []
        var groupPaths: [String: ConfigPath] = [:]
        let root = document.root
        for key in root.keys.sorted() where !ConfigKeys.sections.contains(key) {
            if key == ConfigKeys.schemaReference {
                _ = context.read(root, key, at: [], ScalarValue.string)
                continue
            }
            var message = "unknown section \"\(key)\"; a file may hold [daemon], [program.NAME] and [group.NAME]"
            if let suggestion = DidYouMean.suggestion(for: key, among: ConfigKeys.sections) {
                message = "unknown section \"\(key)\"; did you mean \"\(suggestion)\"?"
            }
            context.error(message, at: [.key(key)], onKey: true)
        }
        if let value = root["daemon"] {
            let path: ConfigPath = [.key("daemon")]
            if !isMain {
                context.error("[daemon] belongs in the main file only; move these settings there", at: path, onKey: true)
            } else if let table = context.table(value, at: path, describing: "daemon") {
                daemon = DaemonDecoder.decode(table, at: path, context: &context)
            }
        }
        if isMain, daemon == nil {
            daemon = DaemonConfig.defaults(in: directory)
        }
        if let value = root["program"], let programTables = context.table(value, at: [.key("program")], describing: "program") {
            for name in programTables.keys.sorted() {
                let path: ConfigPath = [.key("program"), .key(name)]
                guard checkName(name, kind: "program", at: path, context: &context),
                      let table = context.table(programTables[name]!, at: path, describing: "program.\(name)")
                else { continue }
                programs.append(ProgramDecoder.decode(name: name, table, at: path, context: &context))
            }
        }
        if let value = root["group"], let groupTables = context.table(value, at: [.key("group")], describing: "group") {
            for name in groupTables.keys.sorted() {
                let path: ConfigPath = [.key("group"), .key(name)]
                guard checkName(name, kind: "group", at: path, context: &context),
                      let table = context.table(groupTables[name]!, at: path, describing: "group.\(name)")
                else { continue }
                context.rejectUnknownKeys(of: table, at: path, known: ConfigKeys.group, in: "group.\(name)")
                let members = context.read(table, "programs", at: path, ScalarValue.stringArray)
                if table["programs"] == nil {
                    context.error("a group needs programs = [\"NAME\", ...]", at: path, onKey: true)
                } else if members?.isEmpty == true {
                    context.error("a group needs at least one program", at: path.appending("programs"))
                }
                let priority = context.read(table, "priority", at: path, ScalarValue.integer) ?? 999
                groups.append(GroupConfig(name: name, file: file, programs: members ?? [], priority: priority))
                groupPaths[name] = path
            }
        }
        return ConfigFragment(
            file: file, origin: origin, daemon: daemon, programs: programs, groups: groups, groupPaths: groupPaths,
            diagnostics: context.diagnostics)
    }

    /// Program and group names become parts of process names and `GROUP:*` addresses.
    private static func checkName(_ name: String, kind: String, at path: ConfigPath, context: inout DecodingContext) -> Bool {
        let valid = ProcessSpec.isValidName(name)
        if !valid {
            context.error("\"\(name)\" is not a valid \(kind) name; use letters, digits, \"_\", \".\" and \"-\"", at: path, onKey: true)
        }
        return valid
    }
}
