import CustosCore
public import CustosStorage
public import Foundation
import PostgresNIO

extension PostgresStore {
    /// Writes a change set's breaches and their updates.
    static func applyBreachChanges(
        _ changes: BreachChanges, in workspace: UUID, _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        for breach in changes.recorded {
            try await connection.query(
                """
                INSERT INTO breach (id, workspace_id, discovered_at, facts, closed_on, breach_key, sealed, recorded_by,
                recorded_at)
                VALUES (\(breach.id), \(workspace), \(breach.discoveredAt), \(try breach.facts.encoded()),
                \(breach.closedOn?.iso), \(ByteBuffer(data: breach.key)), \(ByteBuffer(data: breach.sealed)),
                \(breach.recordedBy), \(breach.recordedAt))
                """, logger: logger)
        }
        for breach in changes.updates {
            try await connection.query(
                """
                UPDATE breach SET facts = \(try breach.facts.encoded()), closed_on = \(breach.closedOn?.iso),
                sealed = \(ByteBuffer(data: breach.sealed))
                WHERE id = \(breach.id) AND workspace_id = \(workspace)
                """, logger: logger)
        }
    }

    public func breach(_ id: UUID, in workspaceID: UUID) async throws -> StoredBreach? {
        try await breaches(
            """
            SELECT id, discovered_at, facts, closed_on, breach_key, sealed, recorded_by, recorded_at FROM breach
            WHERE id = \(id) AND workspace_id = \(workspaceID)
            """
        ).first
    }

    public func breaches(in workspaceID: UUID, includingClosed: Bool) async throws -> [StoredBreach] {
        try await breaches(
            """
            SELECT id, discovered_at, facts, closed_on, breach_key, sealed, recorded_by, recorded_at FROM breach
            WHERE workspace_id = \(workspaceID) AND (\(includingClosed) OR closed_on IS NULL)
            ORDER BY closed_on IS NOT NULL, discovered_at, id
            """)
    }

    private func breaches(_ query: PostgresQuery) async throws -> [StoredBreach] {
        var found: [StoredBreach] = []
        for try await (id, discovered, facts, closed, key, sealed, recordedBy, recordedAt) in try await client.query(
            query, logger: logger
        ).decode((UUID, Date, String, String?, ByteBuffer, ByteBuffer, String, Date).self) {
            found.append(
                StoredBreach(
                    id: id, discoveredAt: discovered, facts: try BreachFacts.stored(facts),
                    closedOn: try closed.map(CalendarDay.stored), key: Data(buffer: key), sealed: Data(buffer: sealed),
                    recordedBy: recordedBy, recordedAt: recordedAt))
        }
        return found
    }
}
