public import CustosCore
public import Foundation
public import Logging
import PostgresNIO

/// For `custos bench --retention --database`: synthetic people laid straight into a PostgreSQL
/// workspace, as ``PostgresBenchRows`` lays the import's baseline rows.
public enum PostgresRetentionBenchRows {
    /// Lays `subjects` people with `recordsPerSubject` record parts each (sealed parts of random
    /// bytes, the five record types of ASHE's five-year rule) and one email identifier each into
    /// workspace `workspace`, last active on days spread over the 2,030 before `asOf`; 10,000
    /// people a statement per table, in one transaction.
    public static func lay(
        url: PostgresConnectionURL, workspace: UUID, subjects: Int, recordsPerSubject: Int, asOf: CalendarDay,
        logger: Logger
    ) async throws {
        let connection = try await PostgresConnection.connect(
            configuration: url.connectionConfiguration(), id: 1, logger: logger)
        let types = ["member_contact", "booking", "finance_contact", "communications", "school_context"]
        let roles = ["head", "delegate", "contact", "recipient", "head"]
        let end = asOf.start(in: CalendarDay.clockTimeZone)
        var random = SystemRandomNumberGenerator()
        let key = ByteBuffer(bytes: (0..<60).map { _ in UInt8.random(in: 0...255, using: &random) })
        let sealed = ByteBuffer(bytes: (0..<200).map { _ in UInt8.random(in: 0...255, using: &random) })
        do {
            try await connection.query("BEGIN", logger: logger)
            var laid = 0
            while laid < subjects {
                let count = min(10_000, subjects - laid)
                laid += count
                var ids: [UUID] = []
                var lastActivity: [Date] = []
                var parts: (records: [UUID], roles: [String], types: [String], subjects: [UUID], times: [Date]) =
                    ([], [], [], [], [])
                for _ in 0..<count {
                    let id = UUID.timeOrdered()
                    let last = end.addingTimeInterval(-Double(Int.random(in: 1...2_030, using: &random)) * 86_400)
                    ids.append(id)
                    lastActivity.append(last)
                    for index in 0..<recordsPerSubject {
                        parts.records.append(UUID.timeOrdered())
                        parts.roles.append(roles[index % roles.count])
                        parts.types.append(types[index % types.count])
                        parts.subjects.append(id)
                        parts.times.append(last)
                    }
                }
                try await connection.query(
                    """
                    INSERT INTO subject (id, workspace_id, kind, master_key_id, wrapped_key, created_at, last_activity_at)
                    SELECT id, \(workspace), 'headteacher', 'bench', \(key), last, last
                    FROM UNNEST(\(ids)::uuid[], \(lastActivity)::timestamptz[]) AS t(id, last)
                    """, logger: logger)
                let indexes = ids.map { _ in ByteBuffer(string: UUID().uuidString) }
                try await connection.query(
                    """
                    INSERT INTO subject_identifier (workspace_id, blind_index, subject_id, kind)
                    SELECT \(workspace), blind_index, id, 'email'
                    FROM UNNEST(\(indexes)::bytea[], \(ids)::uuid[]) AS t(blind_index, id)
                    """, logger: logger)
                try await connection.query(
                    """
                    INSERT INTO record_part (record_id, role, workspace_id, type, subject_id, source_kind, created_at,
                    updated_at, sealed)
                    SELECT record_id, role, \(workspace), type, subject_id, 'person', at, at, \(sealed)
                    FROM UNNEST(\(parts.records)::uuid[], \(parts.roles)::text[], \(parts.types)::text[],
                        \(parts.subjects)::uuid[], \(parts.times)::timestamptz[]) AS t(record_id, role, type, subject_id, at)
                    """, logger: logger)
            }
            try await connection.query("COMMIT", logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw PostgresStore.described(error)
        }
    }
}
