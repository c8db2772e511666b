public import CustosStorage
public import Foundation
import GRDB

extension SQLiteStore {
    public func reportPresence(_ presence: ServerPresence) async throws {
        try await pool.write { db in
            let now = Self.clockMilliseconds()
            try db.execute(
                literal: """
                    INSERT INTO server_presence (holder, name, started_ms, seen_ms, key_ids)
                    VALUES (\(presence.holder), \(presence.name), \(Self.milliseconds(presence.startedAt)), \(now),
                    \(presence.keyIDs.joined(separator: " ")))
                    ON CONFLICT (holder) DO UPDATE SET name = excluded.name, seen_ms = excluded.seen_ms,
                    key_ids = excluded.key_ids
                    """)
            try db.execute(literal: "DELETE FROM server_presence WHERE seen_ms < \(now - 86_400_000)")
        }
    }

    public func serversPresent(seenWithin window: TimeInterval) async throws -> [ServerPresence] {
        try await pool.read { db in
            let since = Self.clockMilliseconds() - Int64((window * 1000).rounded())
            return try SQLRequest<Row>(
                literal: """
                    SELECT holder, name, started_ms, seen_ms, key_ids FROM server_presence
                    WHERE seen_ms >= \(since) ORDER BY name, started_ms
                    """
            ).fetchAll(db).map { row in
                ServerPresence(
                    holder: row["holder"], name: row["name"], startedAt: Self.date(row["started_ms"]),
                    seenAt: Self.date(row["seen_ms"]),
                    keyIDs: (row["key_ids"] as String).split(separator: " ").map(String.init))
            }
        }
    }

    public func removePresence(of holder: UUID) async throws {
        try await pool.write { db in
            try db.execute(literal: "DELETE FROM server_presence WHERE holder = \(holder)")
        }
    }

    /// `date` in whole milliseconds since 1970, as the tables timed in milliseconds keep it.
    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    /// The date of `milliseconds` since 1970.
    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
}
