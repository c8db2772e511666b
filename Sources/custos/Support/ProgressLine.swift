import Foundation

/// A progress line on standard error, redrawn in place, shown only when standard error is a
/// terminal (scripts and logs get the summary alone).
struct ProgressLine: Sendable {
    let total: Int?
    let label: String
    let start = Date()
    let enabled = isatty(STDERR_FILENO) == 1

    /// Redraws the line: a bar when the total is known, and the rate.
    func update(_ done: Int) {
        guard enabled else { return }
        let elapsed = max(Date().timeIntervalSince(start), 0.001)
        let rate = Int(Double(done) / elapsed)
        var line = "\r\(label) "
        if let total, total > 0 {
            let fraction = min(Double(done) / Double(total), 1)
            let filled = Int(fraction * 30)
            line += "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled) + "] "
            line += "\(done)/\(total)"
        } else {
            line += "\(done)"
        }
        line += "  \(rate)/s"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Ends the line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }

    /// The number of lines in a file, less its heading: the rows a CSV holds when no value spans
    /// lines. Read in 1 MiB chunks.
    static func dataRows(in url: URL) -> Int? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        var lines = 0
        var last: UInt8 = 10
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            for byte in chunk where byte == 10 { lines += 1 }
            last = chunk.last ?? last
        }
        if last != 10 { lines += 1 }
        return max(lines - 1, 0)
    }
}
