// swift-tools-version: 6.1
import PackageDescription

/// Upcoming features every target opts into, as hummingbird does: explicit `any`
/// internal-by-default imports and member import visibility (a member is usable only where its
/// module is imported) keep module boundaries honest.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Vaktlogg",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vaktlogg", targets: ["vaktlogg"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // Tests only: the report's CSV is read back with an independent RFC 4180 parser.
        .package(url: "https://github.com/swiftcsv/SwiftCSV.git", from: "0.10.0"),
    ],
    targets: [
        // Only what Swift cannot import from libpq (macros such as PG_DIAG_SQLSTATE).
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // Only what Swift cannot import from ncurses (A_BOLD, stdscr, getmaxyx, KEY_* …).
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // libpq wrapper: connections, bind parameters, rows, errors, LISTEN/NOTIFY, COPY. No domain.
        .target(
            name: "Postgres",
            dependencies: ["CLibPQ", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        // A private PostgreSQL cluster managed with Debian's initdb/pg_ctl, Unix socket only.
        .target(name: "EmbeddedPostgres", swiftSettings: swiftSettings),
        // Domain types, codes and validation. Pure.
        .target(name: "VaktloggCore", swiftSettings: swiftSettings),
        // The strategy's rules: versioned rule set, judgements, traces. Pure.
        .target(
            name: "Rules",
            dependencies: ["VaktloggCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // The one text catalogue: every user-facing sentence and every label of a code, bokmål and English.
        .target(name: "VaktloggText", dependencies: ["VaktloggCore", "Rules"], swiftSettings: swiftSettings),
        // Migrations, repositories, workflows, integrity checks.
        .target(
            name: "Store",
            dependencies: [
                "Postgres", "EmbeddedPostgres", "VaktloggCore", "Rules", "VaktloggText",
                .product(name: "Logging", package: "swift-log"),
                // The synthetic seed hashes its rows into the chain in the client.
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // `sql` is a link to the top-level sql/ folder: the migrations are compiled into the
            // binary, so an installed `vaktlogg` needs no files beside it.
            resources: [.embedInCode("sql")],
            swiftSettings: swiftSettings
        ),
        // Throwaway clusters for tests (shipped as a module, as swift-log ships its test helpers).
        .target(
            name: "PostgresTestSupport",
            dependencies: ["Postgres", "EmbeddedPostgres"],
            swiftSettings: swiftSettings
        ),
        // A migrated database with units and users, for the Store and CLI tests.
        .target(
            name: "VaktloggTestSupport",
            dependencies: ["Store", "Postgres", "PostgresTestSupport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        // The live dashboard: pure state + reducer, a renderer behind a Canvas, the ncurses loop.
        .target(
            name: "Dashboard",
            dependencies: [
                "Store", "Postgres", "Rules", "VaktloggCore", "VaktloggText", "CNcurses",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // SIK compliance report: metrics (computed in SQL) as values, and their renderers.
        .target(
            name: "Reports",
            dependencies: [
                "Store", "Postgres", "VaktloggCore", "VaktloggText",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The HTTP API (`vaktlogg serve`): Hummingbird routes over the Store workflows, one
        // transaction per request under the caller's token (begin_request), problem details.
        .target(
            name: "Server",
            dependencies: [
                "Store", "Postgres", "VaktloggCore", "VaktloggText", "Rules",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            // The OpenAPI document (a link to the top-level openapi.yaml) is served as compiled in.
            resources: [.embedInCode("openapi.yaml")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "vaktlogg",
            dependencies: [
                "Server", "Dashboard", "Reports", "Store", "Rules", "VaktloggCore", "VaktloggText", "EmbeddedPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PostgresTests",
            dependencies: ["Postgres", "PostgresTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RulesTests",
            dependencies: [
                "Rules", "VaktloggCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // The strategy text the catalogue quotes, so the verbatim test never depends on a file
            // outside the checkout.
            resources: [.embedInCode("Resources/ksf-sikkerhetsstrategi.txt")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VaktloggTextTests",
            dependencies: ["VaktloggText", "VaktloggCore", "Rules", "Store"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "Postgres", "PostgresTestSupport", "VaktloggTestSupport", "Rules"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DashboardTests",
            dependencies: ["Dashboard", "VaktloggCore", "PostgresTestSupport", "VaktloggTestSupport", "Store", "Postgres",
                           .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Reports", "Store", "Postgres", "PostgresTestSupport", "VaktloggTestSupport", "VaktloggCore", "Rules",
                           .product(name: "SwiftCSV", package: "SwiftCSV")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Store", "Postgres", "PostgresTestSupport", "VaktloggTestSupport", "VaktloggCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["Postgres", "PostgresTestSupport", "VaktloggTestSupport", "EmbeddedPostgres"],
            swiftSettings: swiftSettings
        ),
    ]
)

// Benchmarks live beside the product, not in tests (timings never belong in tests).
package.targets += [
    .executableTarget(
        name: "RulesBench",
        dependencies: ["Rules", "VaktloggCore"],
        path: "bench/RulesBench",
        swiftSettings: swiftSettings
    ),
    .executableTarget(
        name: "LogBench",
        dependencies: [
            "Store", "Postgres", "PostgresTestSupport", "VaktloggTestSupport", "Rules", "VaktloggCore",
            .product(name: "Logging", package: "swift-log"),
        ],
        path: "bench/LogBench",
        swiftSettings: swiftSettings
    ),
    .executableTarget(
        name: "DashboardBench",
        dependencies: [
            "Dashboard", "Store", "Postgres", "VaktloggTestSupport", "VaktloggCore",
            .product(name: "Logging", package: "swift-log"),
        ],
        path: "bench/DashboardBench",
        swiftSettings: swiftSettings
    ),
    .executableTarget(
        name: "StoreBench",
        dependencies: ["Store", "Postgres", "PostgresTestSupport", "VaktloggTestSupport"],
        path: "bench/StoreBench",
        swiftSettings: swiftSettings
    ),
]
