public import Foundation

/// Where tasks are kept. They are added and marked done through a ``ChangeSet``.
public protocol TaskStore: Sendable {
    /// The task with `id` in the workspace, if there is one.
    func task(_ id: UUID, in workspaceID: UUID) async throws -> StoredTask?

    /// The workspace's tasks, soonest due first (those with no date last, oldest first); only
    /// those not done unless `includingDone`.
    func tasks(in workspaceID: UUID, includingDone: Bool) async throws -> [StoredTask]

    /// A page of the workspace's open tasks, in ``tasks(in:includingDone:)``'s order: at most
    /// `limit`, after skipping `offset`.
    func openTasks(in workspaceID: UUID, limit: Int, offset: Int) async throws -> [StoredTask]

    /// How many tasks the workspace has open, and how many of those are retention reviews.
    func openTaskCounts(in workspaceID: UUID) async throws -> (all: Int, retentionReviews: Int)
}
