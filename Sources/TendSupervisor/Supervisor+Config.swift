import TendCore
import TendSystem

extension Supervisor {
    /// Rereads the configuration from disk and takes it in; files with errors keep their last good programs.
    func reload() {
        let loader = ConfigLoader(fileSystem: LocalConfigFileSystem(), host: settings.host, workingDirectory: settings.workingDirectory)
        do {
            let files = try loader.gather(mainFile: settings.mainFile, cache: &fragmentCache)
            if takeIn(files) {
                let plan = Planner.plan(processes.desiredAndObserved, overrides: overrides.overrides, now: clock.now())
                logger.info("configuration changed: \(plan.actions.count) action(s)")
                events.publish(.reloaded(actions: plan.actions.map(\.description), time: WallClock.now()))
            }
        } catch {
            let message = "cannot read \(settings.mainFile): \(error.reasonDescription); keeping the configuration as it was"
            logger.error("\(message)")
            report(broken: [settings.mainFile: [message]])
        }
    }

    /// Takes in a fresh load: the desired state becomes the valid parts, and broken files are reported.
    /// Returns whether the desired state changed.
    @discardableResult
    func takeIn(_ files: ConfigFiles) -> Bool {
        let outcome = lastKnownGood.update(files, host: settings.host)
        var changed = false
        if let config = outcome.config {
            let wanted = config.desiredProcesses
            changed = processes.replaceDesired(with: wanted)
            needsFullPass = true
            forgetOverrides(keeping: wanted.keys)
        }
        latestDiagnostics = outcome.diagnostics
        for warning in outcome.diagnostics where warning.severity == .warning {
            logger.warning("\(warning.description)")
        }
        var broken: [String: [String]] = [:]
        if !files.includesAreKnown {
            // The other files were not read: whatever was broken among them still is, as far as anyone knows.
            broken = brokenFiles.filter { $0.key != files.mainFile }
        }
        for file in outcome.brokenFiles {
            broken[file] = outcome.diagnostics.filter { $0.file == file && $0.severity == .error }.map(\.description)
        }
        report(broken: broken)
        return changed
    }

    /// Drops the operator's word about processes the configuration no longer has, as supervisord forgets a
    /// program removed by `update`: a program added again later starts as its autostart says, not as an old
    /// `tend stop` of a program by the same name said.
    private func forgetOverrides(keeping names: some Collection<String>) {
        guard !overrides.overrides.isEmpty else { return }
        do {
            try overrides.prune(keeping: Set(names))
        } catch {
            logger.error("cannot save the operator's commands in \(overrides.path): \(error)")
        }
    }

    /// Logs and publishes files that became broken or changed their errors, and files that were fixed.
    private func report(broken: [String: [String]]) {
        for (file, diagnostics) in broken.sorted(by: { $0.key < $1.key }) where brokenFiles[file] != diagnostics {
            for line in diagnostics { logger.error("\(line)") }
            logger.error("\(file) has errors; its last good programs keep running as they were")
            events.publish(.configError(file: file, diagnostics: diagnostics, time: WallClock.now()))
        }
        for file in brokenFiles.keys.sorted() where broken[file] == nil {
            logger.info("\(file) is valid again")
            events.publish(.configFixed(file: file, time: WallClock.now()))
        }
        brokenFiles = broken
    }
}
