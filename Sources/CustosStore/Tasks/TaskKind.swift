/// What a task asks someone to do.
public enum TaskKind: String, Sendable, Codable, CaseIterable {
    /// Tell each recipient of a person's data that it was erased, rectified or restricted (UK GDPR
    /// Art 19).
    case notifyRecipients = "notify_recipients"
    /// Review a person's records whose retention period ended under a rule whose action is
    /// `review`: keep them with a reason, or erase them.
    case retentionReview = "retention_review"
    /// Tell a person of a disclosure made without telling them, as soon as it is safe.
    case tellOfDisclosure = "tell_of_disclosure"
}
