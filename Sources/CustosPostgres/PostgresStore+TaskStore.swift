import CustosCore
public import CustosStorage
public import Foundation
import PostgresNIO

extension PostgresStore {
    /// Writes a change set's new tasks and completions.
    static func applyTaskChanges(
        _ changes: TaskChanges, in workspace: UUID, _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        for task in changes.opened {
            try await connection.query(
                """
                INSERT INTO task (id, workspace_id, kind, request_id, subject_id, summary, recipients, due_on,
                created_at, created_by)
                VALUES (\(task.id), \(workspace), \(task.kind.rawValue), \(task.requestID), \(task.subjectID),
                \(task.summary), \((try NameListColumn.encoded(task.recipients) ?? "[]")), \(task.dueOn?.iso), \(task.createdAt),
                \(task.createdBy))
                ON CONFLICT DO NOTHING
                """, logger: logger)
        }
        for done in changes.completions {
            try await connection.query(
                """
                UPDATE task SET done_on = \(done.on.iso), done_by = \(done.by), note = \(done.note)
                WHERE id = \(done.taskID) AND workspace_id = \(workspace) AND done_on IS NULL
                """, logger: logger)
        }
    }

    private static let taskColumns = """
        id, workspace_id, kind, request_id, subject_id, summary, recipients, due_on, created_at, created_by, done_on,
        done_by, note
        """

    public func task(_ id: UUID, in workspaceID: UUID) async throws -> StoredTask? {
        try await tasks(
            "SELECT \(unescaped: Self.taskColumns) FROM task WHERE id = \(id) AND workspace_id = \(workspaceID)"
        ).first
    }

    public func tasks(in workspaceID: UUID, includingDone: Bool) async throws -> [StoredTask] {
        try await tasks(
            """
            SELECT \(unescaped: Self.taskColumns) FROM task WHERE workspace_id = \(workspaceID)
            AND (\(includingDone) OR done_on IS NULL) ORDER BY due_on IS NULL, due_on, created_at
            """)
    }

    public func openTasks(in workspaceID: UUID, limit: Int, offset: Int) async throws -> [StoredTask] {
        try await tasks(
            """
            SELECT \(unescaped: Self.taskColumns) FROM task WHERE workspace_id = \(workspaceID) AND done_on IS NULL
            ORDER BY due_on IS NULL, due_on, created_at, id LIMIT \(limit) OFFSET \(offset)
            """)
    }

    public func openTaskCounts(in workspaceID: UUID) async throws -> (all: Int, retentionReviews: Int) {
        for try await (all, reviews) in try await client.query(
            """
            SELECT COUNT(*), COUNT(*) FILTER (WHERE kind = 'retention_review') FROM task
            WHERE workspace_id = \(workspaceID) AND done_on IS NULL
            """, logger: logger
        ).decode((Int64, Int64).self) {
            return (Int(all), Int(reviews))
        }
        return (0, 0)
    }

    private func tasks(_ query: PostgresQuery) async throws -> [StoredTask] {
        var result: [StoredTask] = []
        for try await row in try await client.query(query, logger: logger) {
            let (
                id, workspace, kind, request, subject, summary, recipients, due, createdAt, createdBy, done, doneBy,
                note
            ) =
                try row.decode(
                    (
                        UUID, UUID, String, UUID?, UUID?, String, String, String?, Date, String, String?, String?,
                        String?
                    ).self)
            result.append(
                StoredTask(
                    id: id, workspaceID: workspace, kind: try Self.keyword(kind, "task kind"), requestID: request,
                    subjectID: subject, summary: summary, recipients: (try NameListColumn.stored(recipients) ?? []),
                    dueOn: try due.map(CalendarDay.stored), createdAt: createdAt, createdBy: createdBy,
                    doneOn: try done.map(CalendarDay.stored), doneBy: doneBy, note: note))
        }
        return result
    }
}
