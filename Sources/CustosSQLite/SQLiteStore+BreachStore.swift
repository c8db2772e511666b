import CustosCore
public import CustosStorage
public import Foundation
import GRDB

extension SQLiteStore {
    /// Writes a change set's breaches and their updates.
    static func applyBreachChanges(_ changes: BreachChanges, workspace: String, _ db: Database) throws {
        for breach in changes.recorded {
            try db.execute(
                literal: """
                    INSERT INTO breach (id, workspace_id, discovered_at, facts, closed_on, breach_key, sealed, recorded_by,
                    recorded_at) VALUES (
                        \(breach.id), \(workspace), \(breach.discoveredAt), \(try breach.facts.encoded()),
                        \(breach.closedOn?.iso), \(breach.key), \(breach.sealed), \(breach.recordedBy),
                        \(breach.recordedAt))
                    """)
        }
        for breach in changes.updates {
            try db.execute(
                literal: """
                    UPDATE breach SET facts = \(try breach.facts.encoded()), closed_on = \(breach.closedOn?.iso),
                    sealed = \(breach.sealed) WHERE id = \(breach.id) AND workspace_id = \(workspace)
                    """)
        }
    }

    public func breach(_ id: UUID, in workspaceID: UUID) async throws -> StoredBreach? {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: "SELECT * FROM breach WHERE id = \(id) AND workspace_id = \(workspaceID.uuidString)"
            ).fetchOne(db).map(Self.breach)
        }
    }

    public func breaches(in workspaceID: UUID, includingClosed: Bool) async throws -> [StoredBreach] {
        try await pool.read { db in
            let open: SQL = includingClosed ? "" : "AND closed_on IS NULL"
            return try SQLRequest<Row>(
                literal: """
                    SELECT * FROM breach WHERE workspace_id = \(workspaceID.uuidString) \(open)
                    ORDER BY closed_on IS NOT NULL, discovered_at, rowid
                    """
            ).fetchAll(db).map(Self.breach)
        }
    }

    private static func breach(_ row: Row) throws -> StoredBreach {
        let closed: String? = row["closed_on"]
        return StoredBreach(
            id: row["id"], discoveredAt: row["discovered_at"], facts: try BreachFacts.stored(row["facts"]),
            closedOn: try closed.map(CalendarDay.stored), key: row["breach_key"], sealed: row["sealed"],
            recordedBy: row["recorded_by"], recordedAt: row["recorded_at"])
    }
}
