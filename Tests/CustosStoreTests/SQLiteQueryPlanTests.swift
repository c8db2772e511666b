import CustosSQLite
import CustosServices
import Foundation
import GRDB
import Testing

/// SQLite has no statistics until ANALYZE runs, so with two usable indexes it may pick the wrong
/// one; a per-person lookup that scans the whole workspace is correct and a thousand times slower.
/// These plans keep every per-person query on its person's index.
@Suite("SQLite query plans")
struct SQLiteQueryPlanTests {
    @Test("per-person lookups use the person's index, never a whole-workspace one")
    func perPersonLookups() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("custos-plan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SQLiteStore(directory: folder)
        let queue = try DatabaseQueue(path: folder.appendingPathComponent(SQLiteStore.fileName).path)
        let expected: [(String, String)] = [
            ("SELECT * FROM record_part WHERE subject_id = ? AND workspace_id = ?", "record_part_subject"),
            ("SELECT DISTINCT type FROM record_part WHERE subject_id = ? AND workspace_id = ?", "record_part_subject"),
            (
                "SELECT blind_index, kind FROM subject_identifier WHERE workspace_id = ? AND subject_id = ?",
                "subject_identifier_subject"
            ),
            ("SELECT * FROM consent_entry WHERE subject_id = ? AND workspace_id = ?", "consent_entry_subject"),
            (
                "SELECT * FROM processing_state_entry WHERE subject_id = ? AND workspace_id = ?",
                "processing_state_entry_subject"
            ),
            (
                """
                SELECT subject_id FROM record_part WHERE type = ? AND workspace_id = ?
                AND subject_id > ? AND subject_id <= ? ORDER BY subject_id
                """,
                "record_part_type"
            ),
            (
                """
                SELECT subject_id FROM record_part WHERE type = ? AND workspace_id = ? AND subject_id > ?
                ORDER BY subject_id LIMIT 1 OFFSET ?
                """,
                "record_part_type"
            ),
            (
                """
                SELECT subject_id FROM subject_identifier INDEXED BY subject_identifier_subject
                WHERE workspace_id = ? AND kind = ? AND subject_id > ? AND subject_id <= ? ORDER BY subject_id
                """,
                "subject_identifier_subject"
            ),
            (
                """
                SELECT id, subject_id, channel, list, action, recorded_at, sequence FROM consent_entry
                WHERE workspace_id = ? AND purpose = ? AND subject_id > ? AND subject_id <= ?
                ORDER BY subject_id, recorded_at, sequence
                """,
                "consent_entry_audience"
            ),
            (
                "SELECT id FROM subject WHERE workspace_id = ? AND (merged_into IS NOT NULL OR wrapped_key IS NULL)",
                "subject_gone"
            ),
        ]
        try queue.read { db in
            for (sql, index) in expected {
                let placeholders = sql.filter { $0 == "?" }.count
                let plan = try Row.fetchAll(
                    db, sql: "EXPLAIN QUERY PLAN " + sql,
                    arguments: StatementArguments(Array(repeating: "a", count: placeholders))
                )
                .map { $0["detail"] as String }.joined(separator: "; ")
                #expect(plan.contains("INDEX \(index) "), "\(sql): \(plan)")
                #expect(!plan.contains("TEMP B-TREE"), "\(sql) sorts: \(plan)")
            }
        }
    }
}
