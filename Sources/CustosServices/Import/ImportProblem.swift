/// A problem with one row (or the heading row, line 1) of an import.
public struct ImportProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The line in the file: the heading is line 1, the first row line 2. (A quoted value that
    /// spans lines counts as one.)
    public var line: Int
    public var field: String
    public var message: String
    public var isWarning: Bool

    public init(line: Int, field: String, message: String, isWarning: Bool) {
        self.line = line
        self.field = field
        self.message = message
        self.isWarning = isWarning
    }

    public var description: String {
        "line \(line): \(isWarning ? "warning" : "error"): \(field): \(message)"
    }
}
