// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Custos",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "custos", targets: ["custos"]),
        .library(name: "CustosCore", targets: ["CustosCore"]),
        .library(name: "CustosServices", targets: ["CustosServices"]),
        .library(name: "CustosDeployment", targets: ["CustosDeployment"]),
        .library(name: "CustosServer", targets: ["CustosServer"]),
        .library(name: "CustosMail", targets: ["CustosMail"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0", traits: ["YAML"]),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
    ],
    targets: [
        // The domain: policy model and loading, linter, notice, ROPA, fideslang export. No I/O.
        .target(
            name: "CustosCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.embedInCode("Resources")],
            swiftSettings: swiftSettings
        ),
        // The example policies (Examples/*.yaml), one per seed notice, compiled into the program.
        .target(
            name: "CustosExamples",
            path: "Examples",
            exclude: ["README.md"],
            sources: ["ExamplePolicy.swift"],
            resources: ["ashe.yaml", "west-herts.yaml", "bep.yaml", "asset.yaml", "hutton.yaml"].map {
                .embedInCode($0)
            },
            swiftSettings: swiftSettings
        ),
        // The storage contract: the protocols each backend implements, the records they store and
        // the changes the services hand them. No SQL.
        .target(
            name: "CustosStorage",
            dependencies: [
                "CustosCore",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The SQLite backend (GRDB), and backup and restore of an SQLite data folder.
        .target(
            name: "CustosSQLite",
            dependencies: [
                "CustosCore",
                "CustosStorage",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // The PostgreSQL backend (PostgresNIO).
        .target(
            name: "CustosPostgres",
            dependencies: [
                "CustosCore",
                "CustosStorage",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The services: the vault, the use cases (requests, contacts, retention, registers,
        // registrations, imports) and the door that decides every use of personal data. The only
        // public way to personal data; it names no backend.
        .target(
            name: "CustosServices",
            dependencies: [
                "CustosCore",
                "CustosStorage",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        // The composition root: the one place that turns `--data` or `--database` into a store.
        .target(
            name: "CustosDeployment",
            dependencies: [
                "CustosCore",
                "CustosStorage",
                "CustosServices",
                "CustosSQLite",
                "CustosPostgres",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The Hummingbird application: privacy centre pages and the JSON API.
        .target(
            name: "CustosServer",
            dependencies: [
                "CustosCore",
                "CustosServices",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.embedInCode("Resources")],
            swiftSettings: swiftSettings
        ),
        // Delivery of the outbox: an SMTP client and a folder of .eml files, and the background
        // service that sends what is due.
        .target(
            name: "CustosMail",
            dependencies: [
                "CustosCore",
                "CustosServices",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The command line.
        .executableTarget(
            name: "custos",
            dependencies: [
                "CustosCore",
                "CustosExamples",
                "CustosServices",
                "CustosDeployment",
                "CustosServer",
                "CustosMail",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Yams", package: "Yams"),
                // `custos bench --console` times pages through the router, without a network.
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        // Helpers the test targets share: repository paths, child processes (through swift-subprocess),
        // external tools, fresh PostgreSQL databases.
        .target(
            name: "CustosTestSupport",
            dependencies: [
                "CustosServices",
                "CustosStorage",
                "CustosSQLite",
                "CustosPostgres",
                "CustosDeployment",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            path: "Tests/CustosTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CustosCoreTests",
            dependencies: [
                "CustosCore",
                "CustosTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CustosStoreTests",
            dependencies: [
                "CustosCore",
                "CustosServices",
                "CustosStorage",
                "CustosSQLite",
                "CustosPostgres",
                "CustosDeployment",
                "CustosMail",
                "CustosTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CustosMailTests",
            dependencies: [
                "CustosCore", "CustosServices", "CustosStorage", "CustosSQLite", "CustosPostgres", "CustosMail",
                "CustosTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CustosServerTests",
            dependencies: [
                "CustosCore",
                "CustosServices",
                "CustosStorage",
                "CustosSQLite",
                "CustosPostgres",
                "CustosServer",
                "CustosMail",
                "CustosTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        // Runs the built `custos` as users and scripts do: exit codes, files, the demo server.
        .testTarget(
            name: "CustosCLITests",
            dependencies: ["custos", "CustosTestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
