public import CustosCore
import CustosStorage
public import Foundation
import PostgresNIO

extension PostgresStore {
    /// Writes a change set's holds placed and released.
    static func applyLegalHoldChanges(
        _ changes: LegalHoldChanges, in workspace: UUID, _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        for hold in changes.placed {
            try await connection.query(
                """
                INSERT INTO legal_hold (id, workspace_id, subject_id, record_type, reason, placed_by, placed_on, ends_on)
                VALUES (\(hold.id), \(workspace), \(hold.subjectID), \(hold.recordType), \(hold.reason), \(hold.placedBy),
                \(hold.placedOn.iso), \(hold.endsOn?.iso))
                """, logger: logger)
        }
        for release in changes.releases {
            try await connection.query(
                """
                UPDATE legal_hold SET released_on = \(release.on.iso), released_by = \(release.by)
                WHERE id = \(release.holdID) AND workspace_id = \(workspace) AND released_on IS NULL
                """, logger: logger)
        }
    }

    private static let holdColumns =
        "id, subject_id, record_type, reason, placed_by, placed_on, ends_on, released_on, released_by"

    public func legalHolds(in workspaceID: UUID, includingReleased: Bool) async throws -> [LegalHold] {
        try await legalHolds(
            """
            SELECT \(unescaped: Self.holdColumns) FROM legal_hold WHERE workspace_id = \(workspaceID)
            AND (\(includingReleased) OR released_on IS NULL) ORDER BY placed_on, id
            """)
    }

    public func legalHolds(coveringSubject subject: UUID, in workspaceID: UUID) async throws -> [LegalHold] {
        try await legalHolds(
            """
            SELECT \(unescaped: Self.holdColumns) FROM legal_hold WHERE workspace_id = \(workspaceID)
            AND released_on IS NULL AND (subject_id = \(subject) OR subject_id IS NULL) ORDER BY placed_on, id
            """)
    }

    private func legalHolds(_ query: PostgresQuery) async throws -> [LegalHold] {
        var result: [LegalHold] = []
        for try await row in try await client.query(query, logger: logger) {
            let (id, subject, type, reason, placedBy, placed, ends, released, releasedBy) = try row.decode(
                (UUID, UUID?, String?, String, String, String, String?, String?, String?).self)
            result.append(
                LegalHold(
                    id: id, subjectID: subject, recordType: type, reason: reason, placedBy: placedBy,
                    placedOn: try CalendarDay.stored(placed), endsOn: try ends.map(CalendarDay.stored),
                    releasedOn: try released.map(CalendarDay.stored), releasedBy: releasedBy))
        }
        return result
    }
}
