/// Something wrong with one field of a record. The message names the field and the rule, never
/// the value (it may be personal data).
public struct FieldProblem: Sendable, Hashable, CustomStringConvertible {
    /// The field's name in the record type, or the column heading that matched none.
    public var field: String
    /// The rule broken, e.g. "a UPN has 13 characters".
    public var message: String
    /// A warning (a recommended field missing) lets the record be written; an error does not.
    public var isWarning: Bool

    public init(field: String, message: String, isWarning: Bool = false) {
        self.field = field
        self.message = message
        self.isWarning = isWarning
    }

    public var description: String { "\(field): \(message)" }
}
