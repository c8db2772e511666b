public import CustosCore
public import CustosStorage
public import Foundation

/// The list of work the law asks of staff that Custos cannot do itself (``StoredTask``): listed
/// by due date until marked done with a note of how.
public struct Tasks: Sendable {
    public let vault: Vault

    public init(vault: Vault) {
        self.vault = vault
    }

    /// The workspace's tasks, soonest due first; only those not done unless `includingDone`.
    public func list(includingDone: Bool = false) async throws -> [StoredTask] {
        try await vault.store.tasks(in: vault.workspace.id, includingDone: includingDone)
    }

    /// A page of the open tasks, soonest due first (`limit` of them after `offset`), with how many
    /// are open and how many of those are retention reviews.
    public func page(
        limit: Int, offset: Int
    ) async throws -> (tasks: [StoredTask], open: Int, retentionReviews: Int) {
        let counts = try await vault.store.openTaskCounts(in: vault.workspace.id)
        let tasks = try await vault.store.openTasks(in: vault.workspace.id, limit: limit, offset: offset)
        return (tasks, counts.all, counts.retentionReviews)
    }

    /// Marks the task done on `day` with how (or why it could not be done); for a task to tell a
    /// person of a disclosure, records that they were told that day. Throws a
    /// ``VaultError`` when there is no such task, it was done already, or the note is blank.
    public func complete(
        _ id: UUID, on day: CalendarDay, note: String, actor: String, at time: Date = Date()
    ) async throws {
        try VaultError.requireNotFuture(day, "on", at: time)
        guard let task = try await vault.store.task(id, in: vault.workspace.id) else {
            throw VaultError("there is no task \(id) in this workspace", kind: .notFound)
        }
        guard task.doneOn == nil else { throw VaultError("task \(id) was done already", kind: .conflict) }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else {
            throw VaultError("note: say how it was done, or why it could not be", kind: .invalid)
        }
        var changes = ChangeSet(workspaceID: vault.workspace.id)
        changes.tasks.completions = [TaskCompletion(taskID: id, on: day, by: actor, note: note)]
        if task.kind == .tellOfDisclosure, let subject = task.subjectID,
            let disclosure = try await vault.store.disclosures(in: vault.workspace.id, ofSubjects: [subject])
                .first(where: { $0.taskID == id && $0.awaitsTelling })
        {
            let (telling, event) = Disclosures(vault: vault).telling(disclosure, on: day, actor: actor, at: time)
            changes.disclosures.tellings = [telling]
            changes.audit.append(event)
        }
        changes.audit.append(
            vault.event(
                "task.done", actor: actor, at: time, subjectID: task.subjectID,
                detail: "task \(id) (\(task.kind.rawValue)) done"))
        try await vault.store.apply(changes)
    }
}
