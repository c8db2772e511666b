import CustosCore
public import CustosStorage
public import Foundation
import GRDB

extension SQLiteStore {
    /// Writes a change set's new tasks and completions.
    static func applyTaskChanges(_ changes: TaskChanges, workspace: String, _ db: Database) throws {
        for task in changes.opened {
            try db.execute(
                literal: """
                    INSERT INTO task (id, workspace_id, kind, request_id, subject_id, summary, recipients, due_on,
                    created_at, created_by) VALUES (
                        \(task.id), \(workspace), \(task.kind.rawValue), \(task.requestID), \(task.subjectID),
                        \(task.summary), \(try NameListColumn.encoded(task.recipients) ?? "[]"), \(task.dueOn?.iso),
                        \(task.createdAt), \(task.createdBy))
                    ON CONFLICT DO NOTHING
                    """)
        }
        for done in changes.completions {
            try db.execute(
                literal: """
                    UPDATE task SET done_on = \(done.on.iso), done_by = \(done.by), note = \(done.note)
                    WHERE id = \(done.taskID) AND workspace_id = \(workspace) AND done_on IS NULL
                    """)
        }
    }

    public func task(_ id: UUID, in workspaceID: UUID) async throws -> StoredTask? {
        try readNow { db in
            try Row.fetchOne(
                db.cachedStatement(
                    bound: "SELECT * FROM task WHERE id = \(id) AND workspace_id = \(workspaceID.uuidString)")
            ).map(Self.task)
        }
    }

    public func tasks(in workspaceID: UUID, includingDone: Bool) async throws -> [StoredTask] {
        try await pool.read { db in
            let open: SQL = includingDone ? "" : "AND done_on IS NULL"
            return try SQLRequest<Row>(
                literal: """
                    SELECT * FROM task WHERE workspace_id = \(workspaceID.uuidString) \(open)
                    ORDER BY due_on IS NULL, due_on, created_at
                    """
            ).fetchAll(db).map(Self.task)
        }
    }

    public func openTasks(in workspaceID: UUID, limit: Int, offset: Int) async throws -> [StoredTask] {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: """
                    SELECT * FROM task WHERE workspace_id = \(workspaceID.uuidString) AND done_on IS NULL
                    ORDER BY due_on IS NULL, due_on, created_at, id LIMIT \(limit) OFFSET \(offset)
                    """
            ).fetchAll(db).map(Self.task)
        }
    }

    public func openTaskCounts(in workspaceID: UUID) async throws -> (all: Int, retentionReviews: Int) {
        try await pool.read { db in
            let row = try SQLRequest<Row>(
                literal: """
                    SELECT COUNT(*) AS all_open, COALESCE(SUM(kind = 'retention_review'), 0) AS reviews FROM task
                    WHERE workspace_id = \(workspaceID.uuidString) AND done_on IS NULL
                    """
            ).fetchOne(db)
            return (row?["all_open"] ?? 0, row?["reviews"] ?? 0)
        }
    }

    private static func task(_ row: Row) throws -> StoredTask {
        let due: String? = row["due_on"]
        let done: String? = row["done_on"]
        return StoredTask(
            id: row["id"], workspaceID: try uuid(row["workspace_id"]), kind: try keyword(row["kind"], "task kind"),
            requestID: row["request_id"], subjectID: row["subject_id"], summary: row["summary"],
            recipients: (try NameListColumn.stored(row["recipients"]) ?? []), dueOn: try due.map(CalendarDay.stored),
            createdAt: row["created_at"], createdBy: row["created_by"], doneOn: try done.map(CalendarDay.stored),
            doneBy: row["done_by"], note: row["note"])
    }
}
