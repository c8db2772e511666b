import Foundation

/// Files of the package the tests read: the examples, scripts.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func example(_ name: String) -> URL {
        root.appendingPathComponent("Examples").appendingPathComponent("\(name).yaml")
    }

    static let exampleNames = ["ashe", "west-herts", "bep", "asset", "hutton"]

    static func script(_ name: String) -> URL {
        root.appendingPathComponent("scripts").appendingPathComponent(name)
    }
}

/// Tools outside Swift that some tests need (the Python fideslang validator). `scripts/test.sh`
/// installs them and sets CUSTOS_REQUIRE_EXTERNAL=1, so that in CI a missing tool fails the run
/// instead of skipping the test.
enum ExternalTools {
    static var python: String? { ProcessInfo.processInfo.environment["CUSTOS_PYTHON"] }

    static var required: Bool { ProcessInfo.processInfo.environment["CUSTOS_REQUIRE_EXTERNAL"] == "1" }

    /// Whether tests needing Python run: when it is configured, or when it is required (and then fail without it).
    static var pythonTestsEnabled: Bool { python != nil || required }

    /// Runs a program and returns its exit status and standard output.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
