/// What a complaint says and how it ended, in people's words: sealed, never in the audit log.
public struct ComplaintText: Sendable, Equatable, Codable {
    public var summary: String
    /// What was found and done, once closed.
    public var outcome: String?

    public init(summary: String, outcome: String? = nil) {
        self.summary = summary
        self.outcome = outcome
    }
}
