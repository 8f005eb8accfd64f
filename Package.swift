// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "coproduce",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "coproduce", targets: ["coproduce"]),
        .executable(name: "coproduce-bench", targets: ["coproduce-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // The only C in the project: ncurses and the macros and globals Swift cannot import.
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // The domain: value types and rules. Imports neither GRDB nor CNcurses.
        .target(name: "Coproduction"),
        // SQLite through GRDB: schema, migrations, queries, demo data.
        .target(
            name: "CoproductionStore",
            dependencies: [
                "Coproduction",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own C API, for the one loop over a million bookings (MeetingFactsBatch).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // Terminal-agnostic UI: cells, layout, widgets, state, update, view. No curses here.
        // The configuration file (keys, theme, mouse, plain mode) is TOML, read here.
        .target(
            name: "CoproductionTUI",
            dependencies: ["Coproduction", "CoproductionStore", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // The executable: command line, the ncurses backend and the main loop.
        .executableTarget(
            name: "coproduce",
            dependencies: [
                "Coproduction", "CoproductionStore", "CoproductionTUI", "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // The benchmark: generated data at two sizes, in-process view and key-to-frame times,
        // and the real binary in a pseudo-terminal for first frame, bytes and memory.
        .executableTarget(name: "coproduce-bench", dependencies: ["Coproduction", "CoproductionStore", "CoproductionTUI"]),
        .testTarget(
            name: "CoproductionTests",
            dependencies: [
                "Coproduction", .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .testTarget(name: "CoproductionStoreTests", dependencies: ["CoproductionStore"]),
        .testTarget(
            name: "CoproductionTUITests",
            dependencies: [
                "CoproductionTUI",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Views/__Snapshots__", "Screens/__Snapshots__"]
        ),
        .testTarget(name: "coproduceTests", dependencies: ["coproduce", "CoproductionTUI", "CoproductionStore"]),
    ],
    swiftLanguageModes: [.v6]
)
