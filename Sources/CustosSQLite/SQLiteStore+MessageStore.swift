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
                sql: """
                    INSERT INTO message (id, workspace_id, subject_id, purpose, list, channel, template, sealed, status,
                    attempts, next_attempt_at, last_error, tracked, queued_at, queued_by, sent_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    message.id, workspace, message.subjectID, message.purpose, message.list, message.channel.rawValue,
                    message.template, message.sealed, message.status.rawValue, message.attempts,
                    message.nextAttemptAt.map(stored), message.lastError, message.tracked, stored(message.queuedAt),
                    message.queuedBy, message.sentAt.map(stored),
                ])
        }
        for update in changes.updates {
            try db.execute(
                sql: """
                    UPDATE message SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, sent_at = ?
                    WHERE id = ? AND workspace_id = ?
                    """,
                arguments: [
                    update.status.rawValue, update.attempts, update.nextAttemptAt.map(stored), update.lastError,
                    update.sentAt.map(stored), update.messageID, workspace,
                ])
        }
        if !changes.events.isEmpty {
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO message_event (workspace_id, message_id, subject_id, kind, at, detail)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)
            for event in changes.events {
                try statement.execute(arguments: [
                    workspace, event.messageID, event.subjectID, event.kind.rawValue, stored(event.at), event.detail,
                ])
            }
        }
    }

    public func claimDueMessages(
        in workspaceID: UUID, at now: Date, leaseUntil: Date, limit: Int
    ) async throws -> [StoredMessage] {
        try await pool.write { db in
            // One writer at a time in SQLite: the select and the lease are one transaction.
            let due = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM message WHERE workspace_id = ? AND status = 'queued' AND next_attempt_at <= ?
                    ORDER BY next_attempt_at LIMIT ?
                    """, arguments: [workspaceID.uuidString, now, limit]
            ).map(Self.message)
            for message in due {
                try db.execute(
                    sql: "UPDATE message SET next_attempt_at = ? WHERE id = ?", arguments: [leaseUntil, message.id])
            }
            return due
        }
    }

    public func message(_ id: UUID, in workspaceID: UUID) async throws -> StoredMessage? {
        try readNow { db in
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM message WHERE id = ? AND workspace_id = ?"),
                arguments: [id, workspaceID.uuidString]
            ).map(Self.message)
        }
    }

    public func messages(ofSubject id: UUID, in workspaceID: UUID) async throws -> [StoredMessage] {
        try readNow { db in
            try Row.fetchAll(
                db.cachedStatement(
                    sql: "SELECT * FROM message WHERE subject_id = ? AND workspace_id = ? ORDER BY queued_at, rowid"),
                arguments: [id, workspaceID.uuidString]
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
                    sql: "SELECT * FROM message_event WHERE subject_id = ? AND workspace_id = ? ORDER BY sequence"),
                arguments: [id, workspaceID.uuidString]
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
            for row in try Row.fetchAll(
                db, sql: "SELECT status, COUNT(*) AS n FROM message WHERE workspace_id = ? GROUP BY status",
                arguments: [workspaceID.uuidString])
            {
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
