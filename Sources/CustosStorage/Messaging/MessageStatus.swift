/// Where a message is in the outbox.
public enum MessageStatus: String, Sendable, CaseIterable, Codable {
    /// Waiting for its next attempt (the first, or a retry after a temporary failure).
    case queued
    /// Accepted by the mail server, or written to its `.eml` file.
    case sent
    /// Given up: refused for good, or still failing after the last retry. Staff can retry it.
    case failed
    /// Not sent, and never will be: at send time the contact decision said no, or the person was erased.
    case cancelled
}
