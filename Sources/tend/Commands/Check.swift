import ArgumentParser
import TendCore
import TendSystem

extension Tend {
    /// `tend check`: validate the configuration and print every problem, located, as compilers do.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate the configuration and report every problem with its file, line and column.",
            discussion: """
                Each problem is printed as FILE:LINE:COL: error: MESSAGE (or warning:), so editors and \
                terminals can jump to it, followed by a one-line summary.

                Exit codes: 0 valid (warnings allowed); 1 invalid; 2 usage error or the main file cannot be read.
                """)

        @OptionGroup var config: ConfigFileOption

        func run() throws {
            guard let mainFile = config.resolve() else { throw ExitCode(2) }
            let loader = ConfigLoader(fileSystem: LocalConfigFileSystem(), host: .local(), workingDirectory: CurrentDirectory.path())
            let loaded: LoadedConfig
            do {
                loaded = try loader.load(mainFile: mainFile)
            } catch {
                FileHandleOutput.standardError.write("tend: cannot read \(mainFile): \(error.reasonDescription)\n")
                throw ExitCode(2)
            }
            let style = DiagnosticStyle(color: FileHandleOutput.standardOutput.wantsColor)
            for diagnostic in loaded.diagnostics {
                FileHandleOutput.standardOutput.write(style.render(diagnostic) + "\n")
            }
            FileHandleOutput.standardOutput.write(CheckSummary.line(for: loaded) + "\n")
            if loaded.config == nil { throw ExitCode(1) }
        }
    }
}
