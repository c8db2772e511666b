public import Foundation

/// Reads a raw email (RFC 5322) as a mail program shows it: the headers, and each base64 body
/// part decoded.
public enum MailText {
    public static func readable(_ raw: String) -> String {
        var bodies: [String] = []
        var part: String?
        var inBody = false
        for line in raw.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.lowercased() == "content-transfer-encoding: base64" {
                part = ""
                inBody = false
            } else if part != nil, !inBody, line.isEmpty {
                inBody = true
            } else if let text = part, inBody {
                if line.isEmpty || line.hasPrefix("--") {
                    bodies.append(Data(base64Encoded: text).map { String(decoding: $0, as: UTF8.self) } ?? "")
                    part = nil
                } else {
                    part = text + line
                }
            }
        }
        if let text = part {
            bodies.append(Data(base64Encoded: text).map { String(decoding: $0, as: UTF8.self) } ?? "")
        }
        return ([raw] + bodies).joined(separator: "\n")
    }

    /// The first link in the email whose address contains `path`, as the person would follow it.
    public static func link(in raw: String, containing path: String) -> URL? {
        for word in readable(raw).split(whereSeparator: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" })
        where word.hasPrefix("http") && word.contains(path) {
            return URL(string: String(word))
        }
        return nil
    }
}
