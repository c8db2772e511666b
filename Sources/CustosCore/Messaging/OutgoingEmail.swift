public import Foundation

/// One email as it leaves: headers and a plain-text body, with an HTML alternative made from the
/// text (links made clickable and, where tracking is declared, the open pixel). ``rfc5322()`` is
/// what an SMTP server or an `.eml` file receives.
public struct OutgoingEmail: Sendable, Equatable {
    public var id: UUID
    public var from: MailAddress
    public var to: MailAddress
    public var subject: String
    public var text: String
    public var date: Date
    /// The one-click unsubscribe link: marketing messages carry it in `List-Unsubscribe`, with
    /// `List-Unsubscribe-Post` (RFC 8058), so mail programs can show their own unsubscribe button.
    public var unsubscribeURL: String?
    /// The tracking pixel's address, only where the policy declares tracking.
    public var openPixelURL: String?

    public init(
        id: UUID, from: MailAddress, to: MailAddress, subject: String, text: String, date: Date,
        unsubscribeURL: String? = nil, openPixelURL: String? = nil
    ) {
        self.id = id
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.date = date
        self.unsubscribeURL = unsubscribeURL
        self.openPixelURL = openPixelURL
    }

    /// The message in Internet Message Format, lines ending CRLF, bodies base64 (UTF-8).
    public func rfc5322() -> Data {
        let boundary = "custos-\(id.uuidString.lowercased())"
        var headers: [(String, String)] = [
            ("From", from.header),
            ("To", to.header),
            ("Subject", MailHeader.encodedText(subject)),
            ("Date", Self.dateFormatter.string(from: date)),
            ("Message-ID", "<\(id.uuidString.lowercased())@\(from.domain)>"),
            ("MIME-Version", "1.0"),
        ]
        if let unsubscribeURL {
            headers.append(("List-Unsubscribe", "<\(unsubscribeURL)>"))
            headers.append(("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
        }
        headers.append(("Content-Type", "multipart/alternative; boundary=\"\(boundary)\""))
        var lines = headers.map { "\($0.0): \($0.1)" }
        lines.append("")
        lines.append("--\(boundary)")
        lines.append(contentsOf: Self.part(type: "text/plain", body: text))
        lines.append("--\(boundary)")
        lines.append(contentsOf: Self.part(type: "text/html", body: html))
        lines.append("--\(boundary)--")
        lines.append("")
        return Data(lines.joined(separator: "\r\n").utf8)
    }

    /// The HTML alternative: the text escaped, paragraphs at blank lines, links clickable, and the
    /// open pixel at the end where there is one.
    public var html: String {
        let paragraphs = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            .map { paragraph in
                "<p>"
                    + paragraph.components(separatedBy: "\n").map(Self.linkified).joined(separator: "<br>\n") + "</p>"
            }
        var body = paragraphs.joined(separator: "\n")
        if let openPixelURL {
            body += "\n<img src=\"\(Self.escaped(openPixelURL))\" width=\"1\" height=\"1\" alt=\"\">"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(Self.escaped(subject))</title></head>
            <body>
            \(body)
            </body></html>
            """
    }

    private static func part(type: String, body: String) -> [String] {
        let encoded = Data(
            body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8
        )
        .base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return [
            "Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: base64", "",
            encoded,
        ]
    }

    /// One line of text, escaped, with `http(s)://` words made into links.
    private static func linkified(_ line: String) -> String {
        line.split(separator: " ", omittingEmptySubsequences: false).map { word in
            let text = String(word)
            guard text.hasPrefix("https://") || text.hasPrefix("http://") else { return escaped(text) }
            return "<a href=\"\(escaped(text))\">\(escaped(text))</a>"
        }.joined(separator: " ")
    }

    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    private static let dateFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter
    }()
}
