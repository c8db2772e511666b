import Foundation

/// Header values as RFC 5322 and RFC 2047 want them: one line, and words outside printable
/// ASCII encoded.
enum MailHeader {
    /// Text for an unstructured header (Subject): line breaks become spaces; non-ASCII text is
    /// encoded as UTF-8 base64 words.
    static func encodedText(_ text: String) -> String {
        let line = text.components(separatedBy: .newlines).joined(separator: " ")
        if line.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) { return line }
        return encodedWords(line)
    }

    /// A display name: quoted when plain ASCII, else encoded words.
    static func encodedPhrase(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                + "\""
        }
        return encodedWords(text)
    }

    /// `=?utf-8?B?...?=` words of at most 75 characters, split between characters, never inside one.
    private static func encodedWords(_ text: String) -> String {
        var words: [String] = []
        var chunk = ""
        for character in text {
            let candidate = chunk + String(character)
            if Data(candidate.utf8).base64EncodedString().count > 60 {
                words.append(chunk)
                chunk = String(character)
            } else {
                chunk = candidate
            }
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?utf-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }
}
