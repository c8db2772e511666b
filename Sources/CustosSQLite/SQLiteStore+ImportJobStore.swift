public import CustosStorage
public import Foundation
import GRDB

extension SQLiteStore {
    public func addImportJob(_ job: ImportJobRecord) async throws {
        try await pool.write { db in
            try db.execute(
                literal: """
                    INSERT INTO import_job (id, workspace_id, user_id, record_type, dry_run, started_ms, holder, seen_ms,
                    state, rows_read, sealed)
                    VALUES (\(job.id), \(job.workspaceID.uuidString), \(job.userID), \(job.recordType), \(job.dryRun),
                    \(Self.milliseconds(job.startedAt)), \(job.holder), \(Self.clockMilliseconds()), \(job.state.rawValue),
                    \(job.rowsRead), \(job.sealed))
                    """)
        }
    }

    public func updateImportProgress(_ id: UUID, rowsRead: Int) async throws {
        try await pool.write { db in
            try db.execute(
                literal: """
                    UPDATE import_job SET rows_read = \(rowsRead), seen_ms = \(Self.clockMilliseconds())
                    WHERE id = \(id) AND state = 'running'
                    """)
        }
    }

    public func endImportJob(_ id: UUID, state: ImportJobRecord.State, rowsRead: Int, sealed: Data) async throws {
        try await pool.write { db in
            try db.execute(
                literal: """
                    UPDATE import_job SET state = \(state.rawValue), rows_read = \(rowsRead), sealed = \(sealed),
                    seen_ms = \(Self.clockMilliseconds())
                    WHERE id = \(id)
                    """)
        }
    }

    public func importJob(_ id: UUID) async throws -> ImportJobRecord? {
        try await pool.read { db in
            try SQLRequest<Row>(literal: "SELECT * FROM import_job WHERE id = \(id)").fetchOne(db).map(Self.importJob)
        }
    }

    public func importJobs(of userID: UUID, in workspaceID: UUID, since: Date) async throws -> [ImportJobRecord] {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: """
                    SELECT * FROM import_job WHERE workspace_id = \(workspaceID.uuidString) AND user_id = \(userID)
                    AND started_ms >= \(Self.milliseconds(since)) ORDER BY started_ms DESC
                    """
            ).fetchAll(db).map(Self.importJob)
        }
    }

    public func failSilentImportJobs(silentFor silence: TimeInterval) async throws -> Int {
        try await pool.write { db in
            let since = Self.clockMilliseconds() - Int64((silence * 1000).rounded())
            try db.execute(
                literal: "UPDATE import_job SET state = 'failed' WHERE state = 'running' AND seen_ms < \(since)")
            return db.changesCount
        }
    }

    public func removeImportJobs(startedBefore time: Date) async throws {
        try await pool.write { db in
            try db.execute(
                literal: """
                    DELETE FROM import_job WHERE started_ms < \(Self.milliseconds(time)) AND state <> 'running'
                    """)
        }
    }

    private static func importJob(_ row: Row) -> ImportJobRecord {
        ImportJobRecord(
            id: row["id"], workspaceID: UUID(uuidString: row["workspace_id"]) ?? UUID(), userID: row["user_id"],
            recordType: row["record_type"], dryRun: row["dry_run"], startedAt: date(row["started_ms"]),
            holder: row["holder"], seenAt: date(row["seen_ms"]),
            state: ImportJobRecord.State(rawValue: row["state"]) ?? .failed, rowsRead: row["rows_read"],
            sealed: row["sealed"])
    }
}
