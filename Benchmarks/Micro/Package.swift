// swift-tools-version:6.1
import PackageDescription

// Microbenchmarks of tend's pure core (config loading, one planner pass) with ordo-one/benchmark.
// A package of its own so the root package's build and tests never pull the benchmark toolchain in.
// Run with `swift package benchmark` here, or through `make bench`, which puts the figures in BENCHMARKS.md.
let package = Package(
    name: "TendMicro",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(name: "tend", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "TendMicro",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TendCore", package: "tend"),
                .product(name: "TendSystem", package: "tend"),
            ],
            path: "Benchmarks/TendMicro",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
