public import CustosStorage
public import Foundation
import PostgresNIO

extension PostgresStore {
    public func addImportJob(_ job: ImportJobRecord) async throws {
        try await client.query(
            """
            INSERT INTO import_job (id, workspace_id, user_id, record_type, dry_run, started_ms, holder, seen_ms,
            state, rows_read, sealed)
            VALUES (\(job.id), \(job.workspaceID), \(job.userID), \(job.recordType), \(job.dryRun),
            \(Self.milliseconds(job.startedAt)), \(job.holder), \(unescaped: Self.databaseMilliseconds),
            \(job.state.rawValue), \(job.rowsRead), \(ByteBuffer(data: job.sealed)))
            """, logger: logger)
    }

    public func updateImportProgress(_ id: UUID, rowsRead: Int) async throws {
        try await client.query(
            """
            UPDATE import_job SET rows_read = \(rowsRead), seen_ms = \(unescaped: Self.databaseMilliseconds)
            WHERE id = \(id) AND state = 'running'
            """, logger: logger)
    }

    public func endImportJob(_ id: UUID, state: ImportJobRecord.State, rowsRead: Int, sealed: Data) async throws {
        try await client.query(
            """
            UPDATE import_job SET state = \(state.rawValue), rows_read = \(rowsRead), sealed = \(ByteBuffer(data: sealed)),
            seen_ms = \(unescaped: Self.databaseMilliseconds)
            WHERE id = \(id)
            """, logger: logger)
    }

    public func importJob(_ id: UUID) async throws -> ImportJobRecord? {
        try await importJobs(
            """
            SELECT id, workspace_id, user_id, record_type, dry_run, started_ms, holder, seen_ms, state, rows_read,
            sealed FROM import_job WHERE id = \(id)
            """
        ).first
    }

    public func importJobs(of userID: UUID, in workspaceID: UUID, since: Date) async throws -> [ImportJobRecord] {
        try await importJobs(
            """
            SELECT id, workspace_id, user_id, record_type, dry_run, started_ms, holder, seen_ms, state, rows_read,
            sealed FROM import_job
            WHERE workspace_id = \(workspaceID) AND user_id = \(userID) AND started_ms >= \(Self.milliseconds(since))
            ORDER BY started_ms DESC
            """)
    }

    public func failSilentImportJobs(silentFor silence: TimeInterval) async throws -> Int {
        var count = 0
        for try await _ in try await client.query(
            """
            UPDATE import_job SET state = 'failed' WHERE state = 'running'
            AND seen_ms < \(unescaped: Self.databaseMilliseconds) - \(Int64((silence * 1000).rounded()))
            RETURNING id
            """, logger: logger
        ).decode(UUID.self) {
            count += 1
        }
        return count
    }

    public func removeImportJobs(startedBefore time: Date) async throws {
        try await client.query(
            "DELETE FROM import_job WHERE started_ms < \(Self.milliseconds(time)) AND state <> 'running'",
            logger: logger)
    }

    private func importJobs(_ query: PostgresQuery) async throws -> [ImportJobRecord] {
        var found: [ImportJobRecord] = []
        for try await (id, workspace, user, type, dryRun, started, holder, seen, state, rows, sealed)
            in try await client
            .query(query, logger: logger)
            .decode((UUID, UUID, UUID, String, Bool, Int64, UUID, Int64, String, Int, ByteBuffer).self)
        {
            found.append(
                ImportJobRecord(
                    id: id, workspaceID: workspace, userID: user, recordType: type, dryRun: dryRun,
                    startedAt: Self.date(started), holder: holder, seenAt: Self.date(seen),
                    state: ImportJobRecord.State(rawValue: state) ?? .failed, rowsRead: rows,
                    sealed: Data(buffer: sealed)))
        }
        return found
    }
}
