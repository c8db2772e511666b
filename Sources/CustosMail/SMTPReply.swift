/// A server's reply: its code and, when given, its enhanced status (RFC 3463). The text is kept
/// only for the capability list of `EHLO`; it is never logged, as it may echo an address.
struct SMTPReply: Sendable {
    var code: Int
    var enhancedStatus: String?
    /// The text of each line, after the code.
    var lines: [String]

    var isPermanentFailure: Bool { code >= 500 }

    /// Parses the lines of one reply (`250-...` continued, `250 ...` last).
    init?(lines raw: [String]) {
        guard let last = raw.last, last.count >= 3, let code = Int(last.prefix(3)) else { return nil }
        self.code = code
        lines = raw.map { $0.count > 4 ? String($0.dropFirst(4)) : "" }
        let words = (lines.first ?? "").split(separator: " ")
        if let first = words.first, first.split(separator: ".").count == 3,
            first.allSatisfy({ $0.isNumber || $0 == "." })
        {
            enhancedStatus = String(first)
        }
    }

    /// For a failure: the code and enhanced status, and the step.
    func summary(at step: String) -> String {
        "SMTP \(code)\(enhancedStatus.map { " \($0)" } ?? "") at \(step)"
    }
}
