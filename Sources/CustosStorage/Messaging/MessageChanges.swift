/// Changes to the outbox and the communications log.
///
/// One part of a ``ChangeSet``, written in its transaction.
public struct MessageChanges: Sendable {
    /// Added to the outbox.
    public var queued: [StoredMessage] = []
    /// Outbox changes after an attempt, or a retry by staff.
    public var updates: [MessageUpdate] = []
    /// Appended to the communications log.
    public var events: [MessageEvent] = []

    public init() {}
}
