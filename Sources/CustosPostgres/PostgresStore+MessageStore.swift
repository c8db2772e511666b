import CustosCore
public import CustosStorage
public import Foundation
import PostgresNIO

extension PostgresStore {
    /// Writes a change set's messages, outbox updates and communications-log events.
    static func applyMessageChanges(
        _ changes: MessageChanges, in workspace: UUID, _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        for message in changes.queued {
            try await connection.query(
                """
                INSERT INTO message (id, workspace_id, subject_id, purpose, list, channel, template, sealed, status,
                attempts, next_attempt_at, last_error, tracked, queued_at, queued_by, sent_at)
                VALUES (\(message.id), \(workspace), \(message.subjectID), \(message.purpose), \(message.list),
                \(message.channel.rawValue), \(message.template), \(ByteBuffer(data: message.sealed)),
                \(message.status.rawValue), \(message.attempts), \(message.nextAttemptAt), \(message.lastError),
                \(message.tracked), \(message.queuedAt), \(message.queuedBy), \(message.sentAt))
                """, logger: logger)
        }
        for update in changes.updates {
            try await connection.query(
                """
                UPDATE message SET status = \(update.status.rawValue), attempts = \(update.attempts),
                next_attempt_at = \(update.nextAttemptAt), last_error = \(update.lastError), sent_at = \(update.sentAt)
                WHERE id = \(update.messageID) AND workspace_id = \(workspace)
                """, logger: logger)
        }
        for event in changes.events {
            try await connection.query(
                """
                INSERT INTO message_event (workspace_id, message_id, subject_id, kind, at, detail)
                VALUES (\(workspace), \(event.messageID), \(event.subjectID), \(event.kind.rawValue), \(event.at),
                \(event.detail))
                """, logger: logger)
        }
    }

    private static let messageColumns = """
        id, subject_id, purpose, list, channel, template, sealed, status, attempts, next_attempt_at, last_error,
        tracked, queued_at, queued_by, sent_at
        """

    public func claimDueMessages(
        in workspaceID: UUID, at now: Date, lease: TimeInterval, limit: Int
    ) async throws -> [StoredMessage] {
        // SKIP LOCKED: a second sender at the same moment takes other messages, not these. The
        // lease runs from the database's clock (or `now`, if later), which every server shares.
        try await messages(
            """
            UPDATE message
            SET next_attempt_at = greatest(\(now), clock_timestamp()) + make_interval(secs => \(lease))
            WHERE id IN (
                SELECT id FROM message WHERE workspace_id = \(workspaceID) AND status = 'queued'
                AND next_attempt_at <= \(now) ORDER BY next_attempt_at LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            RETURNING \(unescaped: Self.messageColumns)
            """)
    }

    public func message(_ id: UUID, in workspaceID: UUID) async throws -> StoredMessage? {
        try await messages(
            """
            SELECT \(unescaped: Self.messageColumns) FROM message WHERE id = \(id) AND workspace_id = \(workspaceID)
            """
        ).first
    }

    public func messages(ofSubject id: UUID, in workspaceID: UUID) async throws -> [StoredMessage] {
        try await messages(
            """
            SELECT \(unescaped: Self.messageColumns) FROM message WHERE subject_id = \(id)
            AND workspace_id = \(workspaceID) ORDER BY queued_at, id
            """)
    }

    public func messages(
        withStatuses statuses: [MessageStatus], in workspaceID: UUID, limit: Int
    ) async throws -> [StoredMessage] {
        try await messages(
            """
            SELECT \(unescaped: Self.messageColumns) FROM message WHERE workspace_id = \(workspaceID)
            AND status = ANY(\(statuses.map(\.rawValue))) ORDER BY queued_at DESC, id DESC LIMIT \(limit)
            """)
    }

    public func messageEvents(ofSubject id: UUID, in workspaceID: UUID) async throws -> [MessageEvent] {
        var events: [MessageEvent] = []
        for try await (messageID, subjectID, kind, at, detail) in try await client.query(
            """
            SELECT message_id, subject_id, kind, at, detail FROM message_event
            WHERE subject_id = \(id) AND workspace_id = \(workspaceID) ORDER BY sequence
            """, logger: logger
        ).decode((UUID, UUID, String, Date, String?).self) {
            events.append(
                MessageEvent(
                    messageID: messageID, subjectID: subjectID, kind: try Self.keyword(kind, "message event"), at: at,
                    detail: detail))
        }
        return events
    }

    public func messageCounts(in workspaceID: UUID) async throws -> [MessageStatus: Int] {
        var counts: [MessageStatus: Int] = [:]
        for try await (status, count) in try await client.query(
            "SELECT status, COUNT(*) FROM message WHERE workspace_id = \(workspaceID) GROUP BY status", logger: logger
        ).decode((String, Int).self) {
            counts[try Self.keyword(status, "message status")] = count
        }
        return counts
    }

    private func messages(_ query: PostgresQuery) async throws -> [StoredMessage] {
        var result: [StoredMessage] = []
        for try await row in try await client.query(query, logger: logger) {
            let (
                id, subjectID, purpose, list, channel, template, sealed, status, attempts, next, lastError, tracked,
                queuedAt, queuedBy, sentAt
            ) = try row.decode(
                (
                    UUID, UUID, String, String?, String, String, ByteBuffer, String, Int, Date?, String?, Bool, Date,
                    String, Date?
                ).self)
            result.append(
                StoredMessage(
                    id: id, subjectID: subjectID, purpose: purpose, list: list,
                    channel: try Self.keyword(channel, "message channel"), template: template,
                    sealed: Data(buffer: sealed), status: try Self.keyword(status, "message status"),
                    attempts: attempts, nextAttemptAt: next, lastError: lastError, tracked: tracked, queuedAt: queuedAt,
                    queuedBy: queuedBy, sentAt: sentAt))
        }
        return result
    }
}
