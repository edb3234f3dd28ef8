import ArgumentParser
import Glibc
import TendCore
import TendSystem

extension Tend {
    /// `tend init`: write a commented starter configuration, as `echo_supervisord_conf` does for supervisord.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Write a commented starter tend.toml and conf.d/ with one example program.",
            discussion: "Exit codes: 0 written; 1 a file exists (use --force) or cannot be written; 2 usage error.")

        @Argument(help: ArgumentHelp("The directory to write into; created if missing.", valueName: "DIR"))
        var directory: String = "."

        @Flag(help: "Overwrite files that already exist.")
        var force = false

        func run() throws {
            let files = StarterConfig.files.map { (path: directory + "/" + $0.name, text: $0.text) }
            if !force {
                let existing = files.filter { access($0.path, F_OK) == 0 }.map(\.path)
                if !existing.isEmpty {
                    FileHandleOutput.standardError.write(
                        "tend: not overwriting \(existing.joined(separator: ", ")); use --force to replace\n")
                    throw ExitCode(1)
                }
            }
            do {
                for file in files {
                    try DirectoryCreation.create(PathResolution.directory(of: file.path))
                    try FileWriting.write(file.text, to: file.path)
                    FileHandleOutput.standardOutput.write("wrote \(file.path)\n")
                }
            } catch {
                FileHandleOutput.standardError.write("tend: \(error)\n")
                throw ExitCode(1)
            }
            let main = directory == "." ? "tend.toml" : directory + "/tend.toml"
            FileHandleOutput.standardOutput.write("""

                Next: check it, start the supervisor, and edit conf.d/ to declare your own programs
                (changes apply live):
                  tend check -c \(main)
                  tend daemon -c \(main)

                """)
        }
    }
}
