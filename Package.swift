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
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // C libraries, linked through pkg-config.
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CLibSSH2", pkgConfig: "libssh2", providers: [.apt(["libssh2-1-dev"])]),

        // Pure logic: no I/O, no C modules, no NIO, no Subprocess.
        .target(
            name: "PairCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),

        // Heartbeat media (UDP, serial), and later ping probes, service addresses and ARP.
        .target(
            name: "PairNet",
            dependencies: [
                "PairCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // The node daemon: services that feed events into PairCore and carry out its actions.
        .target(
            name: "PairAgent",
            dependencies: [
                "PairCore",
                "PairNet",
                "PairPostgres",
                "PairSSH",
                "PairSync",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: strict
        ),

        // libpq wrapper.
        .target(
            name: "PairPostgres",
            dependencies: [
                "CLibPQ",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // libssh2 wrapper: key authentication with strict known_hosts checking; remote exec.
        .target(
            name: "PairSSH",
            dependencies: [
                "CLibSSH2",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // Sync: rsync rounds under the backup API, the sync lock, snapshots.
        .target(
            name: "PairSync",
            dependencies: [
                "PairCore",
                "PairPostgres",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: strict
        ),

        // The two-node lab in network namespaces; the benchmarks (the sync benchmark runs PairSync's rounds).
        .target(
            name: "PairLab",
            dependencies: [
                "PairCore",
                "PairPostgres",
                "PairSync",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: strict
        ),

        .executableTarget(
            name: "pgpair",
            dependencies: [
                "PairCore",
                "PairAgent",
                "PairSync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "pgpair-lab",
            dependencies: [
                "PairLab",
                "PairNet",
                "PairPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // Test helpers that several test targets share, each written once (they depend on it).
        .target(
            name: "PairTestSupport",
            dependencies: [
                "PairPostgres",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            path: "Tests/PairTestSupport",
            swiftSettings: strict
        ),

        .testTarget(name: "PairCoreTests", dependencies: ["PairCore"], swiftSettings: strict),
        .testTarget(
            name: "PairNetTests",
            dependencies: [
                "PairTestSupport",
                "PairNet",
                "PairCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PairAgentTests",
            dependencies: [
                "PairTestSupport",
                "PairAgent",
                "PairCore",
                "PairSync",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "PairLab",
                "PairCore",
                "PairPostgres",
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "CLibrariesTests", dependencies: ["CLibPQ", "CLibSSH2"], swiftSettings: strict),
        .testTarget(
            name: "PairSyncTests",
            dependencies: [
                "PairTestSupport",
                "PairSync",
                "PairCore",
                "PairPostgres",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PairSSHTests",
            dependencies: [
                "PairTestSupport",
                "PairSSH",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PairPostgresTests",
            dependencies: ["PairPostgres", "PairTestSupport"],
            swiftSettings: strict
        ),
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
                "PairTestSupport",
                "PairCore",
                "PairSync",
                "PairPostgres",
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: strict
        ),
    ]
)
