// swift-tools-version: 6.2
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "pgpair",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pgpair", targets: ["pgpair"]),
        .executable(name: "pgpair-lab", targets: ["pgpair-lab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        // C libraries, linked through pkg-config.
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CLibSSH2", pkgConfig: "libssh2", providers: [.apt(["libssh2-1-dev"])]),

        // Pure logic: no I/O, no C modules, no NIO, no Subprocess.
        .target(name: "PairCore", swiftSettings: strict),

        // libpq wrapper.
        .target(
            name: "PairPostgres",
            dependencies: [
                "CLibPQ",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // The two-node lab in network namespaces.
        .target(
            name: "PairLab",
            dependencies: [
                "PairCore",
                "PairPostgres",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: strict
        ),

        .executableTarget(
            name: "pgpair",
            dependencies: [
                "PairCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "pgpair-lab",
            dependencies: [
                "PairLab",
                "PairPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        .testTarget(name: "PairCoreTests", dependencies: ["PairCore"], swiftSettings: strict),
        .testTarget(name: "CLibrariesTests", dependencies: ["CLibPQ", "CLibSSH2"], swiftSettings: strict),
        .testTarget(name: "PairPostgresTests", dependencies: ["PairPostgres"], swiftSettings: strict),
        .testTarget(
            name: "PairLabTests",
            dependencies: [
                "PairLab",
                "PairPostgres",
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "pgpairTests",
            dependencies: [
                "PairCore",
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: strict
        ),
    ]
)
