public import CustosStorage
public import Foundation
import GRDB

extension SQLiteStore {
    public func replaceTelephonePreferenceList(
        _ indexes: [Data], in workspaceID: UUID, importedBy actor: String, at time: Date
    ) async throws {
        let workspace = workspaceID.uuidString
        try await pool.write { db in
            try db.execute(literal: "DELETE FROM tps_number WHERE workspace_id = \(workspace)")
            let insert = try db.makeStatement(
                sql: "INSERT OR IGNORE INTO tps_number (workspace_id, blind_index) VALUES (?, ?)")
            for index in indexes { try insert.execute(arguments: [workspace, index]) }
            try db.execute(
                literal: """
                    INSERT INTO tps_list (workspace_id, imported_ms, numbers, imported_by)
                    VALUES (\(workspace), \(Self.milliseconds(time)), \(Set(indexes).count), \(actor))
                    ON CONFLICT (workspace_id) DO UPDATE SET imported_ms = excluded.imported_ms,
                    numbers = excluded.numbers, imported_by = excluded.imported_by
                    """)
        }
    }

    public func telephonePreferenceList(in workspaceID: UUID) async throws -> (importedAt: Date, numbers: Int)? {
        try readNow { db in
            try Row.fetchOne(
                db, sql: "SELECT imported_ms, numbers FROM tps_list WHERE workspace_id = ?",
                arguments: [workspaceID.uuidString]
            ).map { (Self.date($0["imported_ms"]), $0["numbers"]) }
        }
    }

    public func telephonePreferenceRegistered(_ indexes: [Data], in workspaceID: UUID) async throws -> Set<Data> {
        guard !indexes.isEmpty else { return [] }
        return try readNow { db in
            var found: Set<Data> = []
            let statement = try db.cachedStatement(
                sql: "SELECT 1 FROM tps_number WHERE workspace_id = ? AND blind_index = ?")
            for index in Set(indexes)
            where try Int.fetchOne(statement, arguments: [workspaceID.uuidString, index]) != nil {
                found.insert(index)
            }
            return found
        }
    }

    public func telephonePreferenceRegisteredSubjects(in workspaceID: UUID) async throws -> Set<UUID> {
        try await pool.read { db in
            Set(
                try SQLRequest<UUID>(
                    literal: """
                        SELECT i.subject_id FROM tps_number t CROSS JOIN subject_identifier i
                        ON i.workspace_id = t.workspace_id AND i.blind_index = t.blind_index
                        WHERE t.workspace_id = \(workspaceID.uuidString) AND i.kind = 'phone'
                        """
                ).fetchAll(db))
        }
    }
}
