import Foundation

extension String {
    /// Whether the text is empty or only white space.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }

    /// The text, or `nil` when it is blank.
    var nonBlank: String? { isBlank ? nil : self }

    /// The text without white space and line breaks at either end. Most values have none, and
    /// are returned as they are without Foundation's (slower) scan.
    var trimmed: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        func isPlain(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
        if isPlain(first) && isPlain(last) { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The text with its first letter in upper case.
    var capitalizingFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
