public import CustosCore
import CustosStorage
public import Foundation
import GRDB

extension SQLiteStore {
    /// Writes a change set's holds placed and released.
    static func applyLegalHoldChanges(_ changes: LegalHoldChanges, workspace: String, _ db: Database) throws {
        for hold in changes.placed {
            try db.execute(
                literal: """
                    INSERT INTO legal_hold (id, workspace_id, subject_id, record_type, reason, placed_by, placed_on,
                    ends_on) VALUES (
                        \(hold.id), \(workspace), \(hold.subjectID), \(hold.recordType), \(hold.reason),
                        \(hold.placedBy), \(hold.placedOn.iso), \(hold.endsOn?.iso))
                    """)
        }
        for release in changes.releases {
            try db.execute(
                literal: """
                    UPDATE legal_hold SET released_on = \(release.on.iso), released_by = \(release.by)
                    WHERE id = \(release.holdID) AND workspace_id = \(workspace) AND released_on IS NULL
                    """)
        }
    }

    public func legalHolds(in workspaceID: UUID, includingReleased: Bool) async throws -> [LegalHold] {
        try await pool.read { db in
            let open: SQL = includingReleased ? "" : "AND released_on IS NULL"
            return try SQLRequest<Row>(
                literal: """
                    SELECT * FROM legal_hold WHERE workspace_id = \(workspaceID.uuidString) \(open)
                    ORDER BY placed_on, rowid
                    """
            ).fetchAll(db).map(Self.legalHold)
        }
    }

    public func legalHolds(coveringSubject subject: UUID, in workspaceID: UUID) async throws -> [LegalHold] {
        try readNow { db in
            try Row.fetchAll(
                db.cachedStatement(
                    bound: """
                        SELECT * FROM legal_hold WHERE workspace_id = \(workspaceID.uuidString) AND released_on IS NULL
                        AND (subject_id = \(subject) OR subject_id IS NULL) ORDER BY placed_on, rowid
                        """)
            ).map(Self.legalHold)
        }
    }

    private static func legalHold(_ row: Row) throws -> LegalHold {
        let ends: String? = row["ends_on"]
        let released: String? = row["released_on"]
        return LegalHold(
            id: row["id"], subjectID: row["subject_id"], recordType: row["record_type"], reason: row["reason"],
            placedBy: row["placed_by"], placedOn: try CalendarDay.stored(row["placed_on"]),
            endsOn: try ends.map(CalendarDay.stored), releasedOn: try released.map(CalendarDay.stored),
            releasedBy: row["released_by"])
    }
}
