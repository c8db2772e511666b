public import CustosCore
public import CustosStorage
import Foundation
import PostgresNIO

/// The audit chain on PostgreSQL, appended in batches. A change's audit entries are written in its
/// own transaction to `audit_pending`, which takes no lock; a chainer then takes the chain's head
/// row, numbers and hashes a batch of pending entries in order after it, writes them to the chain
/// and removes them from the waiting list, in one transaction. Writers on every server thus never
/// wait for the head row, which each took in turn, to the commit, when it was part of their own
/// transaction: one chainer at a time holds it, for a whole batch.
///
/// Entries are chained by each server every second (``chainPendingAudit()``), by each command
/// before it ends, and before anything reads the chain, so what is read is always chained and
/// verifiable; an entry waits at most about a second while a server runs.
extension PostgresStore {
    /// How many pending entries one chaining transaction takes.
    static let chainBatch = 2000

    /// Chains the entries waiting, batch by batch; returns how many. With `waiting` false, it
    /// returns at once when another process holds the head row (that process chains them). A
    /// process without the master keys chains nothing once the log is keyed.
    @discardableResult
    public func chainPendingAudit(waiting: Bool) async throws -> Int {
        // Most of the time nothing waits: a plain read, outside any transaction and without the
        // head row, says so.
        guard
            try await client.query("SELECT 1 FROM audit_pending LIMIT 1", logger: logger).hasRows()
        else { return 0 }
        let chainKey = try auditKeys.current()
        var chained = 0
        while true {
            let batch = try await transaction { connection in
                try await Self.chainBatch(connection, self.logger, chainKey: chainKey, waiting: waiting)
            }
            chained += batch
            if batch < Self.chainBatch { return chained }
        }
    }

    public func chainPendingAudit() async throws {
        try await chainPendingAudit(waiting: false)
    }

    /// Adds `events` to the entries waiting to be chained, in the change's transaction, so that
    /// they stand or fall with it; no lock is taken. Once the log is keyed, a process without the
    /// master keys cannot add to it.
    static func addPendingAudit(
        _ events: [AuditEvent], _ connection: PostgresConnection, _ logger: Logger, chainKey: AuditChainKey?
    ) async throws {
        guard !events.isEmpty else { return }
        if chainKey == nil {
            for try await keyed in try await connection.query(
                "SELECT keyed_from FROM audit_head WHERE id = 1", logger: logger
            ).decode(Int64?.self) where keyed != nil {
                throw StoreError.auditKeyNeeded
            }
        }
        var statement = PostgresQuery.StringInterpolation(literalCapacity: 256, interpolationCount: 10 * events.count)
        statement.appendLiteral(
            """
            INSERT INTO audit_pending (workspace_id, time_ms, actor, action, purpose, reason, subject_id, record_id,
            detail, shown) VALUES 
            """)
        for (offset, event) in events.enumerated() {
            statement.appendLiteral(offset == 0 ? "(" : ", (")
            statement.appendColumns(of: event)
            statement.appendLiteral(")")
        }
        try await connection.query(PostgresQuery(stringInterpolation: statement), logger: logger)
    }

    /// One batch, in the caller's transaction: how many entries were chained.
    private static func chainBatch(
        _ connection: PostgresConnection, _ logger: Logger, chainKey: AuditChainKey?, waiting: Bool
    ) async throws -> Int {
        var head: (sequence: Int64, hash: Data)?
        var keyedFrom: Int64?
        var locked = false
        for try await (sequence, hash, keyed) in try await connection.query(
            """
            SELECT sequence, hash, keyed_from FROM audit_head WHERE id = 1
            FOR UPDATE \(unescaped: waiting ? "" : "SKIP LOCKED")
            """, logger: logger
        ).decode((Int64, ByteBuffer, Int64?).self) {
            if sequence > 0 { head = (sequence, Data(buffer: hash)) }
            keyedFrom = keyed
            locked = true
        }
        // Another process chains now; or the log is keyed and this process cannot key entries.
        guard locked, chainKey != nil || keyedFrom == nil else { return 0 }
        var ids: [Int64] = []
        var events: [AuditEvent] = []
        for try await row in try await connection.query(
            """
            SELECT id, workspace_id, time_ms, actor, action, purpose, reason, subject_id, record_id, detail, shown
            FROM audit_pending ORDER BY id LIMIT \(chainBatch)
            """, logger: logger
        ).decode((Int64, UUID?, Int64, String, String, String?, String?, UUID?, UUID?, String?, [UUID]?).self) {
            let (id, workspace, milliseconds, actor, action, purpose, reason, subject, record, detail, shown) = row
            ids.append(id)
            events.append(
                AuditEvent(
                    workspaceID: workspace, time: Date(timeIntervalSince1970: Double(milliseconds) / 1000),
                    actor: actor, action: action, purpose: purpose, reason: reason, subjectID: subject,
                    recordID: record, detail: detail, shown: shown ?? []))
        }
        let entries = AuditChain.append(events, after: head, key: chainKey)
        guard let first = entries.first, let last = entries.last else { return 0 }
        let startsKeying: Int64? = chainKey != nil && keyedFrom == nil ? first.sequence : nil
        var statement = PostgresQuery.StringInterpolation(
            literalCapacity: 512, interpolationCount: 14 * entries.count + 4)
        statement.appendLiteral(
            """
            WITH added AS (INSERT INTO audit_entry (sequence, workspace_id, time_ms, actor, action, purpose, reason,
            subject_id, record_id, detail, shown, previous_hash, hash, key_id) VALUES 
            """)
        for (offset, entry) in entries.enumerated() {
            statement.appendLiteral(offset == 0 ? "(" : ", (")
            statement.appendInterpolation(entry.sequence)
            statement.appendLiteral(", ")
            statement.appendColumns(of: entry.event)
            statement.appendLiteral(", ")
            statement.appendInterpolation(ByteBuffer(data: entry.previousHash))
            statement.appendLiteral(", ")
            statement.appendInterpolation(ByteBuffer(data: entry.hash))
            statement.appendLiteral(", ")
            statement.appendInterpolation(entry.keyID)
            statement.appendLiteral(")")
        }
        statement.appendLiteral(
            """
             RETURNING sequence, workspace_id, shown),
            linked AS (INSERT INTO audit_shown (workspace_id, subject_id, sequence)
            SELECT DISTINCT workspace_id, unnest(shown), sequence FROM added
            WHERE shown IS NOT NULL AND workspace_id IS NOT NULL),
            done AS (DELETE FROM audit_pending WHERE id = ANY(
            """)
        statement.appendInterpolation(ids)
        statement.appendLiteral(")) UPDATE audit_head SET sequence = ")
        statement.appendInterpolation(last.sequence)
        statement.appendLiteral(", hash = ")
        statement.appendInterpolation(ByteBuffer(data: last.hash))
        statement.appendLiteral(", keyed_from = coalesce(keyed_from, ")
        statement.appendInterpolation(startsKeying)
        statement.appendLiteral(") WHERE id = 1")
        try await connection.query(PostgresQuery(stringInterpolation: statement), logger: logger)
        return entries.count
    }
}

extension PostgresQuery.StringInterpolation {
    /// `event`'s values in the order both audit tables name their columns, comma-separated:
    /// workspace_id, time_ms, actor, action, purpose, reason, subject_id, record_id, detail, shown.
    fileprivate mutating func appendColumns(of event: AuditEvent) {
        appendInterpolation(event.workspaceID)
        appendLiteral(", ")
        appendInterpolation(event.milliseconds)
        appendLiteral(", ")
        appendInterpolation(event.actor)
        appendLiteral(", ")
        appendInterpolation(event.action)
        appendLiteral(", ")
        appendInterpolation(event.purpose)
        appendLiteral(", ")
        appendInterpolation(event.reason)
        appendLiteral(", ")
        appendInterpolation(event.subjectID)
        appendLiteral(", ")
        appendInterpolation(event.recordID)
        appendLiteral(", ")
        appendInterpolation(event.detail)
        appendLiteral(", ")
        appendInterpolation(event.shown.isEmpty ? nil : event.shown)
    }
}
