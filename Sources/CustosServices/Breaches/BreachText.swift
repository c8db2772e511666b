/// What people wrote about a breach: the facts in words, the effects, what was done, what was
/// learnt, and the reasons for decisions. Sealed, as it may name people; never in the audit log.
public struct BreachText: Sendable, Equatable, Codable {
    public var description: String
    public var consequences: String?
    public var notReportedReason: String?
    public var lateReason: String?
    public var remediation: String?
    public var lessons: String?

    public init(description: String, consequences: String? = nil) {
        self.description = description
        self.consequences = consequences
    }
}
