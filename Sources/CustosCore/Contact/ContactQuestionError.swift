/// A contact question the policy cannot answer: it names the field and the rule.
public struct ContactQuestionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `purpose`, `channel` or `list`.
    public var field: String
    public var message: String

    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
