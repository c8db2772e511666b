/// What happened to a message, in the communications log.
public enum MessageEventKind: String, Sendable, CaseIterable, Codable {
    case queued
    case sent
    /// A temporary failure: another attempt is due later.
    case deferred
    case failed
    case cancelled
    /// Put back in the queue by staff after it failed.
    case retried
    /// The tracking pixel was fetched (only where the policy declares tracking).
    case opened
    /// The person used the message's unsubscribe link.
    case unsubscribed
}
