public import Foundation

/// Files of the package the tests read: the examples, scripts, the built `custos`.
public enum Repository {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func example(_ name: String) -> URL {
        root.appendingPathComponent("Examples").appendingPathComponent("\(name).yaml")
    }

    public static let exampleNames = ["ashe", "west-herts", "bep", "asset", "hutton"]

    public static func script(_ name: String) -> URL {
        root.appendingPathComponent("scripts").appendingPathComponent(name)
    }

    /// The `custos` executable built beside the test bundle.
    public static var custosExecutable: URL? {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            beside.appendingPathComponent("custos"),
            beside.deletingLastPathComponent().appendingPathComponent("custos"),
            root.appendingPathComponent(".build/debug/custos"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

/// Tools outside Swift that some tests need (the Python fideslang validator). `scripts/test.sh`
/// installs them and sets CUSTOS_REQUIRE_EXTERNAL=1, so that in CI a missing tool fails the run
/// instead of skipping the test.
public enum ExternalTools {
    public static var python: String? { ProcessInfo.processInfo.environment["CUSTOS_PYTHON"] }

    public static var required: Bool { ProcessInfo.processInfo.environment["CUSTOS_REQUIRE_EXTERNAL"] == "1" }

    /// Whether tests needing Python run: when it is configured, or when it is required (and then fail without it).
    public static var pythonTestsEnabled: Bool { python != nil || required }

    /// Runs a program and returns its exit status and standard output.
    public static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = ChildProcess()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.start()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
