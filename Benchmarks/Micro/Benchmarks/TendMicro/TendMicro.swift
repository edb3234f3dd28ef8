import Benchmark
import Foundation
import TendCore
import TendSystem

/// The microbenchmarks: loading 10,000 programs (whole loader in memory and on disk, TOML parsing alone,
/// decoding alone), one planner pass over a table of 10,000 running programs with nothing to do, applying an
/// unchanged configuration of 10,000 programs to that table, and the pass the daemon makes after one event:
/// the changed process alone.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(3),
        maxIterations: 50
    )
    let corpus = ConfigCorpus(files: 100, programsPerFile: 100)
    let root = "/bench"
    let memory = InMemoryFileSystem(corpus, root: root)

    Benchmark("Load 10,000 programs (100 files, in memory)") { benchmark in
        let loader = ConfigLoader(fileSystem: memory, host: ConfigCorpus.host, workingDirectory: root)
        for _ in benchmark.scaledIterations {
            let loaded = try? loader.load(mainFile: "tend.toml")
            precondition(loaded?.config?.programs.count == 10_000, "the corpus did not load: \(loaded?.diagnostics.prefix(3) ?? [])")
            blackHole(loaded)
        }
    }

    Benchmark("Load 10,000 programs (100 files, real directory)") { benchmark in
        let directory = DiskCorpus.directory
        let loader = ConfigLoader(fileSystem: LocalConfigFileSystem(), host: ConfigCorpus.host, workingDirectory: directory)
        for _ in benchmark.scaledIterations {
            let loaded = try? loader.load(mainFile: "tend.toml")
            precondition(loaded?.config?.programs.count == 10_000, "the corpus did not load from \(directory)")
            blackHole(loaded)
        }
    } setup: {
        try DiskCorpus.write(corpus)
    } teardown: {
        DiskCorpus.remove()
    }

    let singleFile = Array(corpus.singleFileText.utf8)
    Benchmark("Parse one TOML file of 10,000 programs") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ConfigSyntax.toml.parse(bytes: singleFile))
        }
    }

    let parsed = try? ConfigSyntax.toml.parse(bytes: singleFile)
    Benchmark("FragmentDecoder.decode, one file of 10,000 programs") { benchmark in
        guard let parsed else { preconditionFailure("the single-file corpus does not parse") }
        for _ in benchmark.scaledIterations {
            let fragment = FragmentDecoder.decode(
                parsed, source: SourceText(bytes: singleFile, syntax: .toml), file: "conf.d/all.toml", directory: root + "/conf.d", isMain: false)
            precondition(fragment.programNames.count == 10_000 && fragment.diagnostics.isEmpty)
            blackHole(fragment)
        }
    }

    let loaded = try? ConfigLoader(fileSystem: memory, host: ConfigCorpus.host, workingDirectory: root).load(mainFile: "tend.toml")
    let config = loaded?.config
    let desired = config?.desiredProcesses ?? [:]
    let now = MonotonicInstant(sinceOrigin: .seconds(3600))
    // The table as the daemon holds it once every program runs as configured; built once, as the daemon
    // builds it once and then changes single entries.
    let table = ReconcileTable(desired: desired, observed: SteadyState.observed(desired, now: now))
    Benchmark(
        "Planner.plan, 10,000 running, nothing to do",
        configuration: .init(maxDuration: .seconds(3), maxIterations: 10_000)
    ) { benchmark in
        precondition(table.count == 10_000)
        for _ in benchmark.scaledIterations {
            let plan = Planner.plan(table, overrides: [:], now: now)
            precondition(plan.actions.isEmpty, "the steady state still plans \(plan.actions.count) actions")
            blackHole(plan)
        }
    }

    // What a reload costs before its pass when no program changed: the fresh configuration's processes (a
    // new value for each), compared with and applied to the table of 10,000 running.
    Benchmark(
        "Apply a config of 10,000 programs to the table, nothing changed",
        configuration: .init(maxDuration: .seconds(3), maxIterations: 1_000)
    ) { benchmark in
        guard let config else { preconditionFailure("the corpus does not load") }
        for _ in benchmark.scaledIterations {
            var reloaded = table
            let changed = reloaded.replaceDesired(with: config.desiredProcesses)
            precondition(changed.isEmpty, "an unchanged configuration changed \(changed.count) processes")
            blackHole(reloaded)
        }
    }

    // What the daemon's reconcile pass costs after one event (an exit, a deadline) at 10,000 programs: the
    // supervisor plans only the processes its table saw change.
    let changed = desired.keys.sorted().prefix(1)
    Benchmark(
        "Planner pass over the changed processes, 10,000 running, one changed",
        configuration: .init(maxDuration: .seconds(2), maxIterations: 100_000)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            let plan = Planner.plan(for: changed, in: table, overrides: [:], now: now)
            precondition(plan.actions.isEmpty, "the steady state still plans \(plan.actions.count) actions")
            blackHole(plan)
        }
    }
}

/// The corpus written to a real temporary directory for the on-disk loading benchmark; the path is made
/// from the process id, so the setup that writes it and the benchmark that reads it agree without state.
enum DiskCorpus {
    static var directory: String { NSTemporaryDirectory() + "tend-micro-\(getpid())" }

    static func write(_ corpus: ConfigCorpus) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory + "/conf.d", withIntermediateDirectories: true)
        try corpus.mainFileText.write(toFile: directory + "/tend.toml", atomically: false, encoding: .utf8)
        for index in 0..<corpus.files {
            try corpus.fileText(index).write(toFile: directory + "/" + corpus.fileName(index), atomically: false, encoding: .utf8)
        }
    }

    static func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
