public import Foundation

/// The outbox and the communications log of each workspace. Messages and events are written
/// through ``ChangeSet`` with the audit entries of the same act.
public protocol MessageStore: Sendable {
    /// Takes up to `limit` queued messages due at `now` for sending: each is leased for `lease`
    /// seconds from the later of `now` and the database's clock (its next attempt moves there), so
    /// another sender running at the same time, on any server, does not take it too, and one that
    /// stopped mid-way is tried again once the lease ends.
    func claimDueMessages(
        in workspaceID: UUID, at now: Date, lease: TimeInterval, limit: Int
    ) async throws
        -> [StoredMessage]
    func message(_ id: UUID, in workspaceID: UUID) async throws -> StoredMessage?
    /// The person's messages, oldest first.
    func messages(ofSubject id: UUID, in workspaceID: UUID) async throws -> [StoredMessage]
    /// Messages with one of `statuses`, newest first, at most `limit`.
    func messages(
        withStatuses statuses: [MessageStatus], in workspaceID: UUID, limit: Int
    ) async throws
        -> [StoredMessage]
    /// The communications log of the person, oldest first.
    func messageEvents(ofSubject id: UUID, in workspaceID: UUID) async throws -> [MessageEvent]
    /// How many messages are in each status.
    func messageCounts(in workspaceID: UUID) async throws -> [MessageStatus: Int]
}
