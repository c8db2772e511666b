import CustosCore
public import CustosStorage
public import Foundation
import PostgresNIO

extension PostgresStore {
    /// Writes a change set's complaints and their updates.
    static func applyComplaintChanges(
        _ changes: ComplaintChanges, in workspace: UUID, _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        for complaint in changes.received {
            try await connection.query(
                """
                INSERT INTO complaint (id, workspace_id, received_on, channel, subject_id, request_id, breach_id,
                acknowledge_by, acknowledged_on, closed_on, complaint_key, sealed, recorded_by, recorded_at)
                VALUES (\(complaint.id), \(workspace), \(complaint.receivedOn.iso), \(complaint.channel.rawValue),
                \(complaint.subjectID), \(complaint.requestID), \(complaint.breachID), \(complaint.acknowledgeBy.iso),
                \(complaint.acknowledgedOn?.iso), \(complaint.closedOn?.iso), \(ByteBuffer(data: complaint.key)),
                \(ByteBuffer(data: complaint.sealed)), \(complaint.recordedBy), \(complaint.recordedAt))
                """, logger: logger)
        }
        for update in changes.updates {
            try await connection.query(
                """
                UPDATE complaint SET acknowledged_on = coalesce(acknowledged_on, \(update.acknowledgedOn?.iso)),
                closed_on = coalesce(closed_on, \(update.closedOn?.iso)),
                sealed = coalesce(\(update.sealed.map { ByteBuffer(data: $0) }), sealed)
                WHERE id = \(update.complaintID) AND workspace_id = \(workspace)
                """, logger: logger)
        }
    }

    private static let complaintColumns = """
        id, received_on, channel, subject_id, request_id, breach_id, acknowledge_by, acknowledged_on, closed_on,
        complaint_key, sealed, recorded_by, recorded_at
        """

    public func complaint(_ id: UUID, in workspaceID: UUID) async throws -> StoredComplaint? {
        try await complaints(
            """
            SELECT \(unescaped: Self.complaintColumns) FROM complaint WHERE id = \(id) AND workspace_id = \(workspaceID)
            """
        ).first
    }

    public func complaints(in workspaceID: UUID, includingClosed: Bool) async throws -> [StoredComplaint] {
        try await complaints(
            """
            SELECT \(unescaped: Self.complaintColumns) FROM complaint WHERE workspace_id = \(workspaceID)
            AND (\(includingClosed) OR closed_on IS NULL)
            ORDER BY closed_on IS NOT NULL, acknowledge_by, received_on, recorded_at, id
            """)
    }

    private func complaints(_ query: PostgresQuery) async throws -> [StoredComplaint] {
        var found: [StoredComplaint] = []
        for try await (
            id, received, channel, subject, request, breach, acknowledgeBy, acknowledged, closed, key, sealed,
            recordedBy, recordedAt
        ) in try await client.query(query, logger: logger).decode(
            (
                UUID, String, String, UUID?, UUID?, UUID?, String, String?, String?, ByteBuffer, ByteBuffer, String,
                Date
            ).self)
        {
            found.append(
                StoredComplaint(
                    id: id, receivedOn: try CalendarDay.stored(received),
                    channel: try Self.keyword(channel, "complaint channel"), subjectID: subject, requestID: request,
                    breachID: breach, acknowledgeBy: try CalendarDay.stored(acknowledgeBy),
                    acknowledgedOn: try acknowledged.map(CalendarDay.stored),
                    closedOn: try closed.map(CalendarDay.stored),
                    key: Data(buffer: key), sealed: Data(buffer: sealed), recordedBy: recordedBy,
                    recordedAt: recordedAt))
        }
        return found
    }
}
