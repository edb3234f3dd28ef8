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
    ],
    targets: [
        .target(
            name: "TendCore",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .systemLibrary(name: "CInotifyTools", providers: [.apt(["libinotifytools0-dev"])]),
        .target(name: "TendSystem", dependencies: ["TendCore", "CInotifyTools"]),
        .executableTarget(
            name: "tend",
            dependencies: [
                "TendCore",
                "TendSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TendCoreTests", dependencies: ["TendCore"]),
        .testTarget(name: "TendSystemTests", dependencies: ["TendSystem"]),
    ],
    swiftLanguageModes: [.v6]
)
