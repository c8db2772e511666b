public import CSV
import Foundation

/// CSV text made in memory, as RFC 4180 and spreadsheets expect: every line, the last included,
/// ended with CRLF.
public enum CSVText {
    /// The rows `body` writes.
    public static func write(_ body: (CSVWriter) throws -> Void) throws -> String {
        let writer = try CSVWriter(stream: .toMemory(), newline: .crlf)
        try body(writer)
        writer.stream.close()
        guard let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return "" }
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }
}
