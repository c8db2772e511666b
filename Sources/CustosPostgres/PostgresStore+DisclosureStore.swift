import CustosCore
public import CustosStorage
public import Foundation
import PostgresNIO

extension PostgresStore {
    /// Writes a change set's disclosures, and that people were told of them.
    static func applyDisclosureChanges(
        _ changes: DisclosureChanges, in workspace: UUID, _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        for disclosure in changes.recorded {
            try await connection.query(
                """
                INSERT INTO disclosure (id, workspace_id, subject_id, disclosed_on, recipient_id, recipient_name,
                recipient_kind, facts, told_on, task_id, decided_by, disclosure_key, sealed, recorded_by, recorded_at)
                VALUES (\(disclosure.id), \(workspace), \(disclosure.subjectID), \(disclosure.disclosedOn.iso),
                \(disclosure.recipientID), \(disclosure.recipientName), \(disclosure.recipientKind?.rawValue),
                \(try disclosure.facts.encoded()), \(disclosure.toldOn?.iso), \(disclosure.taskID),
                \(disclosure.decidedBy), \(ByteBuffer(data: disclosure.key)), \(ByteBuffer(data: disclosure.sealed)),
                \(disclosure.recordedBy), \(disclosure.recordedAt))
                """, logger: logger)
        }
        for telling in changes.tellings {
            try await connection.query(
                """
                UPDATE disclosure SET told_on = coalesce(told_on, \(telling.toldOn.iso))
                WHERE id = \(telling.disclosureID) AND workspace_id = \(workspace)
                """, logger: logger)
        }
    }

    private static let disclosureColumns = """
        id, subject_id, disclosed_on, recipient_id, recipient_name, recipient_kind, facts, told_on, task_id,
        decided_by, disclosure_key, sealed, recorded_by, recorded_at
        """

    public func disclosure(_ id: UUID, in workspaceID: UUID) async throws -> StoredDisclosure? {
        try await disclosures(
            """
            SELECT \(unescaped: Self.disclosureColumns) FROM disclosure
            WHERE id = \(id) AND workspace_id = \(workspaceID)
            """
        ).first
    }

    public func disclosures(in workspaceID: UUID, ofSubjects subjects: [UUID]?) async throws -> [StoredDisclosure] {
        try await disclosures(
            """
            SELECT \(unescaped: Self.disclosureColumns) FROM disclosure
            WHERE workspace_id = \(workspaceID) AND (\(subjects == nil) OR subject_id = ANY(\(subjects ?? [])))
            ORDER BY disclosed_on DESC, recorded_at DESC, id DESC
            """)
    }

    public func disclosures(in workspaceID: UUID, limit: Int, offset: Int) async throws -> [StoredDisclosure] {
        try await disclosures(
            """
            SELECT \(unescaped: Self.disclosureColumns) FROM disclosure WHERE workspace_id = \(workspaceID)
            ORDER BY disclosed_on DESC, recorded_at DESC, id DESC LIMIT \(limit) OFFSET \(offset)
            """)
    }

    public func disclosureCount(in workspaceID: UUID) async throws -> Int {
        for try await count in try await client.query(
            "SELECT COUNT(*) FROM disclosure WHERE workspace_id = \(workspaceID)", logger: logger
        ).decode(Int64.self) {
            return Int(count)
        }
        return 0
    }

    private func disclosures(_ query: PostgresQuery) async throws -> [StoredDisclosure] {
        var found: [StoredDisclosure] = []
        for try await (
            id, subject, disclosed, recipientID, recipientName, kind, facts, told, task, decidedBy, key, sealed,
            recordedBy, recordedAt
        ) in try await client.query(query, logger: logger).decode(
            (
                UUID, UUID, String, String?, String, String?, String, String?, UUID?, String, ByteBuffer, ByteBuffer,
                String, Date
            ).self)
        {
            found.append(
                StoredDisclosure(
                    id: id, subjectID: subject, disclosedOn: try CalendarDay.stored(disclosed),
                    recipientID: recipientID, recipientName: recipientName,
                    recipientKind: try kind.map { try Self.keyword($0, "disclosure recipient kind") },
                    facts: try DisclosureFacts.stored(facts), toldOn: try told.map(CalendarDay.stored), taskID: task,
                    decidedBy: decidedBy, key: Data(buffer: key), sealed: Data(buffer: sealed),
                    recordedBy: recordedBy, recordedAt: recordedAt))
        }
        return found
    }
}
