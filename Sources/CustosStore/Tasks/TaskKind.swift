/// What a task asks someone to do.
public enum TaskKind: String, Sendable, Codable, CaseIterable {
    /// Tell each recipient of a person's data that it was erased, rectified or restricted (UK GDPR
    /// Art 19).
    case notifyRecipients = "notify_recipients"
}
