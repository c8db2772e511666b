public import CustosStorage
public import Foundation
import PostgresNIO

extension PostgresStore {
    public func replaceTelephonePreferenceList(
        _ indexes: [Data], in workspaceID: UUID, importedBy actor: String, at time: Date
    ) async throws {
        let unique = Array(Set(indexes))
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("DELETE FROM tps_number WHERE workspace_id = \(workspaceID)", logger: logger)
            for start in stride(from: 0, to: unique.count, by: 1000) {
                let batch = unique[start..<min(start + 1000, unique.count)].map { ByteBuffer(data: $0) }
                try await connection.query(
                    """
                    INSERT INTO tps_number (workspace_id, blind_index)
                    SELECT \(workspaceID), unnest(\(batch)::bytea[]) ON CONFLICT DO NOTHING
                    """, logger: logger)
            }
            try await connection.query(
                """
                INSERT INTO tps_list (workspace_id, imported_at, numbers, imported_by)
                VALUES (\(workspaceID), \(time), \(unique.count), \(actor))
                ON CONFLICT (workspace_id) DO UPDATE SET imported_at = excluded.imported_at,
                numbers = excluded.numbers, imported_by = excluded.imported_by
                """, logger: logger)
        }
    }

    public func telephonePreferenceList(in workspaceID: UUID) async throws -> (importedAt: Date, numbers: Int)? {
        for try await (importedAt, numbers) in try await client.query(
            "SELECT imported_at, numbers FROM tps_list WHERE workspace_id = \(workspaceID)", logger: logger
        ).decode((Date, Int).self) {
            return (importedAt, numbers)
        }
        return nil
    }

    public func telephonePreferenceRegistered(_ indexes: [Data], in workspaceID: UUID) async throws -> Set<Data> {
        guard !indexes.isEmpty else { return [] }
        var found: Set<Data> = []
        let buffers = Array(Set(indexes)).map { ByteBuffer(data: $0) }
        for try await index in try await client.query(
            """
            SELECT blind_index FROM tps_number
            WHERE workspace_id = \(workspaceID) AND blind_index = ANY(\(buffers)::bytea[])
            """, logger: logger
        ).decode(ByteBuffer.self) {
            found.insert(Data(buffer: index))
        }
        return found
    }

    public func telephonePreferenceRegisteredSubjects(in workspaceID: UUID) async throws -> Set<UUID> {
        var subjects: Set<UUID> = []
        for try await subject in try await client.query(
            """
            SELECT i.subject_id FROM tps_number t JOIN subject_identifier i
            ON i.workspace_id = t.workspace_id AND i.blind_index = t.blind_index
            WHERE t.workspace_id = \(workspaceID) AND i.kind = 'phone'
            """, logger: logger
        ).decode(UUID.self) {
            subjects.insert(subject)
        }
        return subjects
    }
}
