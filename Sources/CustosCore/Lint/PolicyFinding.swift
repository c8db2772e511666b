/// A rule the policy breaks, at a place in the file.
public struct PolicyFinding: Sendable, Hashable, Codable {
    /// The rule's id, e.g. `lawful-basis`.
    public var rule: String
    public var severity: FindingSeverity
    /// What is wrong and what to do, in plain English.
    public var message: String
    /// The legal reference.
    public var reference: String
    /// The value concerned, e.g. `purposes[2].lawful_basis`.
    public var path: String
    public var line: Int?
    public var column: Int?

    public init(
        rule: String, severity: FindingSeverity, message: String, reference: String, path: PolicyPath,
        location: SourceLocation?
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.reference = reference
        self.path = path.description
        self.line = location?.line
        self.column = location?.column
    }

    /// `rule@path`, the identity examples and tests compare.
    public var key: String { "\(rule)@\(path)" }
}
