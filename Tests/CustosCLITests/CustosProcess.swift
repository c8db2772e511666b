import CustosTestSupport
import Foundation
import Testing

/// The result of running `custos`.
struct CommandResult {
    var status: Int32
    var output: String
    var error: String
}

/// Runs the built `custos`, from the package folder, as a script would.
enum Custos {
    static func run(_ arguments: String..., in directory: URL = Repository.root) throws -> CommandResult {
        try run(arguments, in: directory)
    }

    /// Runs `custos` (or another copy of it, `executable`) with `arguments`, and `environment` added
    /// to the tests'; `input`, when given, is its standard input.
    static func run(
        _ arguments: [String], in directory: URL = Repository.root, input: String? = nil, executable: URL? = nil,
        environment: [String: String] = [:]
    ) throws
        -> CommandResult
    {
        let process = try makeProcess(arguments, in: directory, executable: executable)
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
        }
        let inputFile = try OutputFile()
        if let input {
            try Data(input.utf8).write(to: inputFile.url)
            process.standardInput = try FileHandle(forReadingFrom: inputFile.url)
        }
        // Output goes to files, which never fill up and stall the process the way pipes can.
        let output = try OutputFile()
        let error = try OutputFile()
        process.standardOutput = output.handle
        process.standardError = error.handle
        try process.start()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, output: try output.text(), error: try error.text())
    }

    static func makeProcess(
        _ arguments: [String], in directory: URL = Repository.root, executable: URL? = nil
    ) throws -> ChildProcess {
        let process = ChildProcess()
        guard let executable = executable ?? Repository.custosExecutable else { throw ExecutableNotBuilt() }
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        return process
    }
}

struct ExecutableNotBuilt: Error, CustomStringConvertible {
    var description: String { "the custos executable is not built beside the tests (run swift build first)" }
}

/// A temporary file a process writes to.
final class OutputFile {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("custos-out-\(UUID().uuidString)")
    let handle: FileHandle

    init() throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
    }

    func text() throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(at: url)
    }
}

/// A temporary folder removed after the test.
func withTemporaryFolder<Result>(_ body: (URL) async throws -> Result) async throws -> Result {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("custos-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try await body(folder)
}
