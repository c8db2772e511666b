import CustosCore
public import CustosStorage
public import Foundation
import GRDB

extension SQLiteStore {
    /// Writes a change set's disclosures, and that people were told of them.
    static func applyDisclosureChanges(_ changes: DisclosureChanges, workspace: String, _ db: Database) throws {
        for disclosure in changes.recorded {
            try db.execute(
                literal: """
                    INSERT INTO disclosure (id, workspace_id, subject_id, disclosed_on, recipient_id, recipient_name,
                    recipient_kind, facts, told_on, task_id, decided_by, disclosure_key, sealed, recorded_by, recorded_at)
                    VALUES (
                        \(disclosure.id), \(workspace), \(disclosure.subjectID), \(disclosure.disclosedOn.iso),
                        \(disclosure.recipientID), \(disclosure.recipientName), \(disclosure.recipientKind?.rawValue),
                        \(try disclosure.facts.encoded()), \(disclosure.toldOn?.iso), \(disclosure.taskID),
                        \(disclosure.decidedBy), \(disclosure.key), \(disclosure.sealed), \(disclosure.recordedBy),
                        \(disclosure.recordedAt))
                    """)
        }
        for telling in changes.tellings {
            try db.execute(
                literal: """
                    UPDATE disclosure SET told_on = coalesce(told_on, \(telling.toldOn.iso))
                    WHERE id = \(telling.disclosureID) AND workspace_id = \(workspace)
                    """)
        }
    }

    public func disclosure(_ id: UUID, in workspaceID: UUID) async throws -> StoredDisclosure? {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: "SELECT * FROM disclosure WHERE id = \(id) AND workspace_id = \(workspaceID.uuidString)"
            ).fetchOne(db).map(Self.disclosure)
        }
    }

    public func disclosures(in workspaceID: UUID, ofSubjects subjects: [UUID]?) async throws -> [StoredDisclosure] {
        if subjects?.isEmpty == true { return [] }
        return try await pool.read { db in
            let filter: SQL = subjects.map { "AND subject_id IN \($0)" } ?? ""
            return try SQLRequest<Row>(
                literal: """
                    SELECT * FROM disclosure WHERE workspace_id = \(workspaceID.uuidString) \(filter)
                    ORDER BY disclosed_on DESC, recorded_at DESC, rowid DESC
                    """
            ).fetchAll(db).map(Self.disclosure)
        }
    }

    public func disclosures(in workspaceID: UUID, limit: Int, offset: Int) async throws -> [StoredDisclosure] {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: """
                    SELECT * FROM disclosure WHERE workspace_id = \(workspaceID.uuidString)
                    ORDER BY disclosed_on DESC, recorded_at DESC, rowid DESC LIMIT \(limit) OFFSET \(offset)
                    """
            ).fetchAll(db).map(Self.disclosure)
        }
    }

    public func disclosureCount(in workspaceID: UUID) async throws -> Int {
        try await pool.read { db in
            try SQLRequest<Int>(
                literal: "SELECT COUNT(*) FROM disclosure WHERE workspace_id = \(workspaceID.uuidString)"
            ).fetchOne(db) ?? 0
        }
    }

    private static func disclosure(_ row: Row) throws -> StoredDisclosure {
        let kind: String? = row["recipient_kind"]
        let told: String? = row["told_on"]
        return StoredDisclosure(
            id: row["id"], subjectID: row["subject_id"], disclosedOn: try CalendarDay.stored(row["disclosed_on"]),
            recipientID: row["recipient_id"], recipientName: row["recipient_name"],
            recipientKind: try kind.map { try keyword($0, "disclosure recipient kind") },
            facts: try DisclosureFacts.stored(row["facts"]), toldOn: try told.map(CalendarDay.stored),
            taskID: row["task_id"], decidedBy: row["decided_by"], key: row["disclosure_key"], sealed: row["sealed"],
            recordedBy: row["recorded_by"], recordedAt: row["recorded_at"])
    }
}
