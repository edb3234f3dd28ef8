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
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(
            name: "TendCore",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .executableTarget(
            name: "tend",
            dependencies: [
                "TendCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TendCoreTests", dependencies: ["TendCore"]),
        .target(name: "CTendSystem"),
        .target(name: "TendSystem", dependencies: ["TendCore", "CTendSystem", .product(name: "SystemPackage", package: "swift-system"), .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "TendSystemTests", dependencies: ["TendSystem"]),
    ],
    swiftLanguageModes: [.v6]
)
