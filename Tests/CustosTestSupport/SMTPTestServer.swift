public import Foundation

/// A real SMTP server (Python's aiosmtpd, `scripts/smtp-test-server.py`) on 127.0.0.1 for the
/// length of a test, recording each message it accepts.
public final class SMTPTestServer: @unchecked Sendable {
    public let port: Int
    public let folder: URL
    private let process: ChildProcess
    private let input: Pipe

    /// A received message: the envelope and the data as sent.
    public struct Received: Decodable, Sendable {
        public var mailFrom: String
        public var rcptTos: [String]
        public var data: String

        enum CodingKeys: String, CodingKey {
            case mailFrom = "mail_from"
            case rcptTos = "rcpt_tos"
            case data
        }
    }

    /// Starts the server; `arguments` are the script's options (`--defer 2`, ...).
    public init(arguments: [String] = []) throws {
        guard let python = ExternalTools.python else {
            throw SMTPTestServerError("CUSTOS_PYTHON is not set: run the tests with scripts/test.sh")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("custos-smtp-\(UUID().uuidString)")
        process = ChildProcess()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments =
            [Repository.script("smtp-test-server.py").path, "--folder", folder.path] + arguments
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.start()
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("READY "), let port = Int(text.dropFirst(6)) else {
            process.terminate()
            throw SMTPTestServerError("the SMTP test server did not start (aiosmtpd missing? see scripts/test.sh)")
        }
        self.port = port
    }

    /// The messages accepted so far, in order.
    public func received() throws -> [Received] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try files.filter { $0.hasSuffix(".json") }.sorted().map {
            try JSONDecoder().decode(Received.self, from: Data(contentsOf: folder.appendingPathComponent($0)))
        }
    }

    public var url: String { "smtp://127.0.0.1:\(port)" }

    public func stop() {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    deinit { if process.isRunning { stop() } }
}

public struct SMTPTestServerError: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
