public import CustosCore
public import Foundation

/// A message in the outbox and the communications log. Its content (the whole email, address
/// included) is sealed under the person's data key: erasing the person makes it unreadable, and
/// a queued message of an erased person can never be sent.
public struct StoredMessage: Sendable, Equatable {
    public var id: UUID
    public var subjectID: UUID
    public var purpose: String
    public var list: String?
    public var channel: MarketingChannel
    /// The template's name.
    public var template: String
    /// The email (RFC 5322), sealed under the person's data key.
    public var sealed: Data
    public var status: MessageStatus
    /// Attempts made so far.
    public var attempts: Int
    /// When the next attempt is due (queued messages); also the lease of one being sent.
    public var nextAttemptAt: Date?
    /// Why the last attempt failed, without personal data (the server's reply code and class).
    public var lastError: String?
    /// Whether opens are tracked (the policy declared tracking for the purpose when it was queued).
    public var tracked: Bool
    public var queuedAt: Date
    public var queuedBy: String
    public var sentAt: Date?

    public init(
        id: UUID, subjectID: UUID, purpose: String, list: String?, channel: MarketingChannel, template: String,
        sealed: Data, status: MessageStatus, attempts: Int, nextAttemptAt: Date?, lastError: String?, tracked: Bool,
        queuedAt: Date, queuedBy: String, sentAt: Date?
    ) {
        self.id = id
        self.subjectID = subjectID
        self.purpose = purpose
        self.list = list
        self.channel = channel
        self.template = template
        self.sealed = sealed
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.tracked = tracked
        self.queuedAt = queuedAt
        self.queuedBy = queuedBy
        self.sentAt = sentAt
    }

    /// The associated data the content is sealed with.
    package static func sealContext(workspaceID: UUID, messageID: UUID) -> Envelope.Context {
        Envelope.Context("message", workspaceID.uuidString, messageID.uuidString)
    }
}
