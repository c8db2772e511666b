extension String {
    /// Whether the text is empty or only white space.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }

    /// The text, or `nil` when it is blank.
    var nonBlank: String? { isBlank ? nil : self }

    /// The text with its first letter in upper case.
    var capitalizingFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
