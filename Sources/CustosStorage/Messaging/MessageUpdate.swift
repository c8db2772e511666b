public import Foundation

/// A change to a message's place in the outbox after an attempt (or a retry by staff).
public struct MessageUpdate: Sendable, Equatable {
    public var messageID: UUID
    public var status: MessageStatus
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var lastError: String?
    public var sentAt: Date?

    public init(
        messageID: UUID, status: MessageStatus, attempts: Int, nextAttemptAt: Date?, lastError: String?, sentAt: Date?
    ) {
        self.messageID = messageID
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.sentAt = sentAt
    }
}
