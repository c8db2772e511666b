public import Foundation

/// Where tasks are kept. They are added and marked done through a ``ChangeSet``.
public protocol TaskStore: Sendable {
    /// The task with `id` in the workspace, if there is one.
    func task(_ id: UUID, in workspaceID: UUID) async throws -> StoredTask?

    /// The workspace's tasks, soonest due first (those with no date last, oldest first); only
    /// those not done unless `includingDone`.
    func tasks(in workspaceID: UUID, includingDone: Bool) async throws -> [StoredTask]
}
