// swift-tools-version: 6.1
import PackageDescription

import struct Foundation.URL

// Custos's hot paths under ordo-one/benchmark: `swift package benchmark` here, or
// `scripts/bench.sh --hot-paths` from the project's folder. Kept out of the main package so that
// neither the benchmark library nor its malloc interposer is built by `swift test`.

/// The project's folder: SwiftPM names a package found by path after its folder, so the products
/// below are asked of that name, whatever the clone is called.
let custos = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "CustosBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .executableTarget(
            name: "HotPaths",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CustosCore", package: custos.lastPathComponent),
                .product(name: "CustosServices", package: custos.lastPathComponent),
                .product(name: "CustosDeployment", package: custos.lastPathComponent),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/HotPaths",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
