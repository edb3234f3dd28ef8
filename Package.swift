// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "tend",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tend", targets: ["tend"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // No traits: the control server needs neither swift-configuration nor full Foundation.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .target(
            name: "TendCore",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .target(name: "TendSystem", dependencies: ["TendCore"]),
        .target(name: "TendSupervisor", dependencies: ["TendCore", "TendSystem"]),
        .target(
            name: "TendControl",
            dependencies: [
                "TendCore",
                "TendSupervisor",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "tend",
            dependencies: [
                "TendCore",
                "TendSystem",
                "TendControl",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TendCoreTests", dependencies: ["TendCore"]),
        .testTarget(name: "TendControlTests", dependencies: ["tend", "TendControl", "TendSupervisor", "TendCore"]),
        .testTarget(name: "TendEndToEndTests", dependencies: ["tend", "TendCore", "TendSystem"]),
    ],
    swiftLanguageModes: [.v6]
)
