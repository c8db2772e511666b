public import CustosStorage
public import Foundation
import PostgresNIO

extension PostgresStore {
    public func reportPresence(_ presence: ServerPresence) async throws {
        let now = Self.databaseMilliseconds
        try await client.query(
            """
            INSERT INTO server_presence (holder, name, started_ms, seen_ms, key_ids)
            VALUES (\(presence.holder), \(presence.name), \(Self.milliseconds(presence.startedAt)), \(unescaped: now),
            \(presence.keyIDs.joined(separator: " ")))
            ON CONFLICT (holder) DO UPDATE SET name = excluded.name, seen_ms = excluded.seen_ms,
            key_ids = excluded.key_ids
            """, logger: logger)
        try await client.query(
            "DELETE FROM server_presence WHERE seen_ms < \(unescaped: now) - 86400000", logger: logger)
    }

    public func serversPresent(seenWithin window: TimeInterval) async throws -> [ServerPresence] {
        var servers: [ServerPresence] = []
        for try await (holder, name, started, seen, keys) in try await client.query(
            """
            SELECT holder, name, started_ms, seen_ms, key_ids FROM server_presence
            WHERE seen_ms >= \(unescaped: Self.databaseMilliseconds) - \(Int64((window * 1000).rounded()))
            ORDER BY name, started_ms
            """, logger: logger
        ).decode((UUID, String, Int64, Int64, String).self) {
            servers.append(
                ServerPresence(
                    holder: holder, name: name, startedAt: Self.date(started), seenAt: Self.date(seen),
                    keyIDs: keys.split(separator: " ").map(String.init)))
        }
        return servers
    }

    public func removePresence(of holder: UUID) async throws {
        try await client.query("DELETE FROM server_presence WHERE holder = \(holder)", logger: logger)
    }

    /// `date` in whole milliseconds since 1970, as the tables timed in milliseconds keep it.
    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    /// The date of `milliseconds` since 1970.
    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
}
