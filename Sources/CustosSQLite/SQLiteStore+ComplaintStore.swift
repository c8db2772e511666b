import CustosCore
public import CustosStorage
public import Foundation
import GRDB

extension SQLiteStore {
    /// Writes a change set's complaints and their updates.
    static func applyComplaintChanges(_ changes: ComplaintChanges, workspace: String, _ db: Database) throws {
        for complaint in changes.received {
            try db.execute(
                literal: """
                    INSERT INTO complaint (id, workspace_id, received_on, channel, subject_id, request_id, breach_id,
                    acknowledge_by, acknowledged_on, closed_on, complaint_key, sealed, recorded_by, recorded_at)
                    VALUES (
                        \(complaint.id), \(workspace), \(complaint.receivedOn.iso), \(complaint.channel.rawValue),
                        \(complaint.subjectID), \(complaint.requestID), \(complaint.breachID),
                        \(complaint.acknowledgeBy.iso), \(complaint.acknowledgedOn?.iso), \(complaint.closedOn?.iso),
                        \(complaint.key), \(complaint.sealed), \(complaint.recordedBy), \(complaint.recordedAt))
                    """)
        }
        for update in changes.updates {
            try db.execute(
                literal: """
                    UPDATE complaint SET acknowledged_on = coalesce(acknowledged_on, \(update.acknowledgedOn?.iso)),
                    closed_on = coalesce(closed_on, \(update.closedOn?.iso)),
                    sealed = coalesce(\(update.sealed), sealed)
                    WHERE id = \(update.complaintID) AND workspace_id = \(workspace)
                    """)
        }
    }

    public func complaint(_ id: UUID, in workspaceID: UUID) async throws -> StoredComplaint? {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: "SELECT * FROM complaint WHERE id = \(id) AND workspace_id = \(workspaceID.uuidString)"
            ).fetchOne(db).map(Self.complaint)
        }
    }

    public func complaints(in workspaceID: UUID, includingClosed: Bool) async throws -> [StoredComplaint] {
        try await pool.read { db in
            let open: SQL = includingClosed ? "" : "AND closed_on IS NULL"
            return try SQLRequest<Row>(
                literal: """
                    SELECT * FROM complaint WHERE workspace_id = \(workspaceID.uuidString) \(open)
                    ORDER BY closed_on IS NOT NULL, acknowledge_by, received_on, rowid
                    """
            ).fetchAll(db).map(Self.complaint)
        }
    }

    private static func complaint(_ row: Row) throws -> StoredComplaint {
        let acknowledged: String? = row["acknowledged_on"]
        let closed: String? = row["closed_on"]
        return StoredComplaint(
            id: row["id"], receivedOn: try CalendarDay.stored(row["received_on"]),
            channel: try keyword(row["channel"], "complaint channel"), subjectID: row["subject_id"],
            requestID: row["request_id"], breachID: row["breach_id"],
            acknowledgeBy: try CalendarDay.stored(row["acknowledge_by"]),
            acknowledgedOn: try acknowledged.map(CalendarDay.stored), closedOn: try closed.map(CalendarDay.stored),
            key: row["complaint_key"], sealed: row["sealed"], recordedBy: row["recorded_by"],
            recordedAt: row["recorded_at"])
    }
}
