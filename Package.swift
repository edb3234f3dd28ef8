// swift-tools-version:6.1
import PackageDescription

let system = Target.Dependency.product(name: "SystemPackage", package: "swift-system")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")

let package = Package(
    name: "tend",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tend", targets: ["tend"]),
        // For Benchmarks/Micro, which measures the core and the OS layer from a package of its own.
        .library(name: "TendCore", targets: ["TendCore"]),
        .library(name: "TendSystem", targets: ["TendSystem"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The pure core: configuration, validation, expansion, lifecycle, planner. No I/O.
        .target(name: "TendCore"),
        // What Swift's Glibc module hides: posix_spawn extras, pidfd, epoll, splice.
        .target(name: "CTendSystem"),
        // libinotifytools, through a module map (it ships no pkg-config file).
        .systemLibrary(name: "CInotifyTools", providers: [.apt(["libinotifytools0-dev"])]),
        // The operating-system layer: spawner, reaper, log pump, config reading and watching.
        .target(name: "TendSystem", dependencies: ["TendCore", "CTendSystem", "CInotifyTools", system, logging]),
        // The reconcile loop.
        .target(name: "TendSupervisor", dependencies: ["TendCore", "TendSystem", system, logging]),
        // The control API: wire types, the HTTP server on the unix socket, the client the CLI uses.
        .target(
            name: "TendControl",
            dependencies: [
                "TendCore",
                "TendSystem",
                "TendSupervisor",
                logging,
            ]
        ),
        // The command line.
        .executableTarget(
            name: "tend",
            dependencies: [
                "TendCore",
                "TendSystem",
                "TendSupervisor",
                "TendControl",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                logging,
            ]
        ),
        // A small program that installs the task pool as the global executor and reports how it behaves, so
        // the pool's tests run that check in a process of its own.
        .executableTarget(name: "tend-task-probe", dependencies: ["TendSystem", "CTendSystem"]),
        // Helpers the test targets share: running processes through the reaper, process checks.
        .target(name: "TendTestKit", dependencies: ["TendSystem", system], path: "Tests/TendTestKit"),
        .testTarget(name: "TendCoreTests", dependencies: ["TendCore", "TendTestKit"]),
        .testTarget(name: "TendSystemTests", dependencies: ["TendSystem", "CTendSystem", "tend-task-probe", "TendTestKit", system]),
        .testTarget(name: "TendSupervisorTests", dependencies: ["TendSupervisor", "TendCore", "TendSystem", "TendTestKit", logging, system]),
        .testTarget(name: "TendControlTests", dependencies: ["tend", "TendControl", "TendSupervisor", "TendCore", "TendSystem", "TendTestKit", system]),
        .testTarget(name: "TendEndToEndTests", dependencies: ["tend", "TendCore", "TendSystem", "TendTestKit", system]),
    ],
    swiftLanguageModes: [.v6]
)
