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
    /// Check that someone who registered in the privacy centre is eligible, where no lead user at
    /// their school could be told of it.
    case checkEligibility = "check_eligibility"
}
