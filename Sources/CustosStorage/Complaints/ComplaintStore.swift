public import Foundation

/// Where the complaints register is kept. Writes go through a ``ChangeSet``.
public protocol ComplaintStore: Sendable {
    func complaint(_ id: UUID, in workspaceID: UUID) async throws -> StoredComplaint?

    /// The workspace's complaints, open ones first by the day they must be acknowledged; only open
    /// ones unless `includingClosed`.
    func complaints(in workspaceID: UUID, includingClosed: Bool) async throws -> [StoredComplaint]
}
