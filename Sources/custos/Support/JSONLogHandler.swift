import Foundation
import Logging
import Synchronization

/// Log lines as JSON objects, one per line on standard error, for log collectors
/// (`CUSTOS_LOG_FORMAT=json`): `time` (UTC, ISO 8601 with milliseconds), `level`, `label`,
/// `message`, and each metadata key at the top level (`hb.request.id`, `path`, `status`, ...).
/// What is logged is the same as in the text format: paths, statuses, codes, never personal data.
struct JSONLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info
    let label: String

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// One line at a time, whole, whichever task logs.
    private static let output = Mutex(FileHandle.standardError)

    func log(event: LogEvent) {
        var object: [String: Any] = [:]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { _, new in new }) {
            object[key] = Self.json(value)
        }
        object["time"] = Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        object["level"] = event.level.rawValue
        object["label"] = label
        object["message"] = "\(event.message)"
        guard
            var line = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return }
        line.append(0x0A)
        Self.output.withLock { $0.write(line) }
    }

    /// A metadata value as JSON: strings, arrays and objects as they are.
    private static func json(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let text): text
        case .stringConvertible(let convertible): convertible.description
        case .array(let values): values.map(json)
        case .dictionary(let values): values.mapValues(json)
        }
    }
}
