public import CustosStorage
public import Foundation
import PostgresNIO

extension PostgresStore {
    public func masterKeyIDsInUse() async throws -> Set<String> {
        var ids: Set<String> = []
        for try await id in try await client.query(
            """
            SELECT DISTINCT master_key_id FROM subject WHERE wrapped_key IS NOT NULL
            UNION SELECT DISTINCT master_key_id FROM workspace_secret
            """, logger: logger
        ).decode(String.self) {
            ids.insert(id)
        }
        return ids
    }

    public func recordBackup(_ backup: BackupRecord) async throws {
        try await client.query(
            """
            INSERT INTO backup_made (id, made_ms, keep_until_ms, master_key_ids, kind)
            VALUES (\(backup.id), \(Self.milliseconds(backup.madeAt)), \(Self.milliseconds(backup.keepUntil)),
            \(backup.masterKeyIDs.joined(separator: " ")), \(backup.kind))
            """, logger: logger)
    }

    public func backupsKept(at time: Date) async throws -> [BackupRecord] {
        var backups: [BackupRecord] = []
        for try await (id, made, keepUntil, keys, kind) in try await client.query(
            """
            SELECT id, made_ms, keep_until_ms, master_key_ids, kind FROM backup_made
            WHERE keep_until_ms > \(Self.milliseconds(time)) ORDER BY made_ms DESC
            """, logger: logger
        ).decode((UUID, Int64, Int64, String, String).self) {
            backups.append(
                BackupRecord(
                    id: id, madeAt: Self.date(made), keepUntil: Self.date(keepUntil),
                    masterKeyIDs: keys.split(separator: " ").map(String.init), kind: kind))
        }
        return backups
    }
}
