public import CustosStorage
public import Foundation
import GRDB

extension SQLiteStore {
    public func masterKeyIDsInUse() async throws -> Set<String> {
        try await pool.read { db in
            Set(
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT master_key_id FROM subject WHERE wrapped_key IS NOT NULL
                        UNION SELECT DISTINCT master_key_id FROM workspace_secret
                        """))
        }
    }

    public func recordBackup(_ backup: BackupRecord) async throws {
        try await pool.write { db in
            try db.execute(
                literal: """
                    INSERT INTO backup_made (id, made_ms, keep_until_ms, master_key_ids, kind)
                    VALUES (\(backup.id), \(Self.milliseconds(backup.madeAt)), \(Self.milliseconds(backup.keepUntil)),
                    \(backup.masterKeyIDs.joined(separator: " ")), \(backup.kind))
                    """)
        }
    }

    public func backupsKept(at time: Date) async throws -> [BackupRecord] {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: """
                    SELECT id, made_ms, keep_until_ms, master_key_ids, kind FROM backup_made
                    WHERE keep_until_ms > \(Self.milliseconds(time)) ORDER BY made_ms DESC
                    """
            ).fetchAll(db).map { row in
                BackupRecord(
                    id: row["id"], madeAt: Self.date(row["made_ms"]), keepUntil: Self.date(row["keep_until_ms"]),
                    masterKeyIDs: (row["master_key_ids"] as String).split(separator: " ").map(String.init),
                    kind: row["kind"])
            }
        }
    }
}
