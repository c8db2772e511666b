public import Foundation

/// Where the breach register is kept. Writes go through a ``ChangeSet``.
public protocol BreachStore: Sendable {
    func breach(_ id: UUID, in workspaceID: UUID) async throws -> StoredBreach?

    /// The workspace's breaches, open ones first, earliest discovered first; only open ones unless
    /// `includingClosed`.
    func breaches(in workspaceID: UUID, includingClosed: Bool) async throws -> [StoredBreach]
}
