import CustosCore
public import CustosStorage
public import Foundation
import GRDB

extension SQLiteStore {
    /// Writes a change set's messages, outbox updates and communications-log events.
    static func applyMessageChanges(
        _ changes: MessageChanges, workspace: String, _ db: Database, stored: (Date) -> DatabaseValue
    ) throws {
        for message in changes.queued {
            try db.execute(
                literal: """
                    INSERT INTO message (id, workspace_id, subject_id, purpose, list, channel, template, sealed, status,
                    attempts, next_attempt_at, last_error, tracked, queued_at, queued_by, sent_at)
                    VALUES (
                        \(message.id), \(workspace), \(message.subjectID), \(message.purpose), \(message.list),
                        \(message.channel.rawValue), \(message.template), \(message.sealed), \(message.status.rawValue),
                        \(message.attempts), \(message.nextAttemptAt.map(stored) ?? .null), \(message.lastError),
                        \(message.tracked), \(stored(message.queuedAt)), \(message.queuedBy),
                        \(message.sentAt.map(stored) ?? .null))
                    """)
        }
        for update in changes.updates {
            try db.execute(
                literal: """
                    UPDATE message SET status = \(update.status.rawValue), attempts = \(update.attempts),
                    next_attempt_at = \(update.nextAttemptAt.map(stored) ?? .null), last_error = \(update.lastError),
                    sent_at = \(update.sentAt.map(stored) ?? .null)
                    WHERE id = \(update.messageID) AND workspace_id = \(workspace)
                    """)
        }
        for event in changes.events {
            try db.cachedStatement(
                bound: """
                    INSERT INTO message_event (workspace_id, message_id, subject_id, kind, at, detail)
                    VALUES (
                        \(workspace), \(event.messageID), \(event.subjectID), \(event.kind.rawValue),
                        \(stored(event.at)), \(event.detail))
                    """
            ).execute()
        }
    }

    public func claimDueMessages(
        in workspaceID: UUID, at now: Date, lease: TimeInterval, limit: Int
    ) async throws -> [StoredMessage] {
        try await pool.write { db in
            // Every process sharing the file runs on this machine's clock.
            let leaseUntil = max(now, Date()).addingTimeInterval(lease)
            // One writer at a time in SQLite: the select and the lease are one transaction.
            let due = try SQLRequest<Row>(
                literal: """
                    SELECT * FROM message WHERE workspace_id = \(workspaceID.uuidString) AND status = 'queued'
                    AND next_attempt_at <= \(now) ORDER BY next_attempt_at LIMIT \(limit)
                    """
            ).fetchAll(db).map(Self.message)
            for message in due {
                try db.execute(literal: "UPDATE message SET next_attempt_at = \(leaseUntil) WHERE id = \(message.id)")
            }
            return due
        }
    }

    public func message(_ id: UUID, in workspaceID: UUID) async throws -> StoredMessage? {
        try readNow { db in
            try Row.fetchOne(
                db.cachedStatement(
                    bound: "SELECT * FROM message WHERE id = \(id) AND workspace_id = \(workspaceID.uuidString)")
            ).map(Self.message)
        }
    }

    public func messages(ofSubject id: UUID, in workspaceID: UUID) async throws -> [StoredMessage] {
        try readNow { db in
            try Row.fetchAll(
                db.cachedStatement(
                    bound: """
                        SELECT * FROM message WHERE subject_id = \(id) AND workspace_id = \(workspaceID.uuidString)
                        ORDER BY queued_at, rowid
                        """)
            ).map(Self.message)
        }
    }

    public func messages(
        withStatuses statuses: [MessageStatus], in workspaceID: UUID, limit: Int
    ) async throws -> [StoredMessage] {
        guard !statuses.isEmpty else { return [] }
        return try await pool.read { db in
            try SQLRequest<Row>(
                literal: """
                    SELECT * FROM message WHERE workspace_id = \(workspaceID.uuidString)
                    AND status IN \(statuses.map(\.rawValue))
                    ORDER BY queued_at DESC, rowid DESC LIMIT \(limit)
                    """
            ).fetchAll(db).map(Self.message)
        }
    }

    public func messageEvents(ofSubject id: UUID, in workspaceID: UUID) async throws -> [MessageEvent] {
        try readNow { db in
            try Row.fetchAll(
                db.cachedStatement(
                    bound: """
                        SELECT * FROM message_event
                        WHERE subject_id = \(id) AND workspace_id = \(workspaceID.uuidString) ORDER BY sequence
                        """)
            ).map { row in
                MessageEvent(
                    messageID: row["message_id"], subjectID: row["subject_id"],
                    kind: try Self.keyword(row["kind"], "message event"), at: row["at"], detail: row["detail"])
            }
        }
    }

    public func messageCounts(in workspaceID: UUID) async throws -> [MessageStatus: Int] {
        try await pool.read { db in
            var counts: [MessageStatus: Int] = [:]
            for row in try SQLRequest<Row>(
                literal: """
                    SELECT status, COUNT(*) AS n FROM message WHERE workspace_id = \(workspaceID.uuidString)
                    GROUP BY status
                    """
            ).fetchAll(db) {
                counts[try Self.keyword(row["status"], "message status")] = row["n"]
            }
            return counts
        }
    }

    private static func message(_ row: Row) throws -> StoredMessage {
        StoredMessage(
            id: row["id"], subjectID: row["subject_id"], purpose: row["purpose"], list: row["list"],
            channel: try keyword(row["channel"], "message channel"), template: row["template"], sealed: row["sealed"],
            status: try keyword(row["status"], "message status"), attempts: row["attempts"],
            nextAttemptAt: row["next_attempt_at"], lastError: row["last_error"], tracked: row["tracked"],
            queuedAt: row["queued_at"], queuedBy: row["queued_by"], sentAt: row["sent_at"])
    }
}
