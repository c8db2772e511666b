public import CustosCore
public import CustosStorage
public import Foundation
import PostgresNIO

extension PostgresStore {
    /// The database's clock, in milliseconds since 1970: every server's leases and attempt
    /// windows are timed by it.
    static let databaseMilliseconds = "(extract(epoch from clock_timestamp()) * 1000)::bigint"

    public func claim(_ claim: JobClaim) async throws -> JobClaimOutcome {
        let now = Self.databaseMilliseconds
        var outcome = JobClaimOutcome(taken: false, finishedOn: nil)
        for try await (holder, finished) in try await client.query(
            """
            INSERT INTO job_claim (workspace_id, job, holder, lease_until_ms)
            VALUES (\(claim.workspaceID), \(claim.job), \(claim.holder), \(unescaped: now) + \(claim.leaseMilliseconds))
            ON CONFLICT (workspace_id, job) DO UPDATE SET holder = excluded.holder,
            lease_until_ms = excluded.lease_until_ms
            WHERE job_claim.lease_until_ms < \(unescaped: now) OR job_claim.holder = excluded.holder
            RETURNING holder, finished_on
            """, logger: logger
        ).decode((UUID, String?).self) {
            outcome = JobClaimOutcome(
                taken: holder == claim.holder, finishedOn: finished.flatMap { CalendarDay(iso: $0) })
        }
        if !outcome.taken {
            for try await finished in try await client.query(
                "SELECT finished_on FROM job_claim WHERE workspace_id = \(claim.workspaceID) AND job = \(claim.job)",
                logger: logger
            ).decode(String?.self) {
                outcome.finishedOn = finished.flatMap { CalendarDay(iso: $0) }
            }
        }
        return outcome
    }

    public func finish(_ claim: JobClaim, on day: CalendarDay?) async throws {
        try await client.query(
            """
            UPDATE job_claim SET lease_until_ms = 0, finished_on = coalesce(\(day?.iso), finished_on)
            WHERE workspace_id = \(claim.workspaceID) AND job = \(claim.job) AND holder = \(claim.holder)
            """, logger: logger)
    }

    public func countAttempt(_ key: AttemptKey, window: TimeInterval) async throws -> Int {
        let now = Self.databaseMilliseconds
        let windowMilliseconds = Int64((window * 1000).rounded())
        var count = 1
        for try await value in try await client.query(
            """
            INSERT INTO attempt_count (scope, key_hash, window_start_ms, count)
            VALUES (\(key.scope), \(ByteBuffer(data: key.hash)), \(unescaped: now), 1)
            ON CONFLICT (scope, key_hash) DO UPDATE SET
            count = CASE WHEN attempt_count.window_start_ms <= excluded.window_start_ms - \(windowMilliseconds)
                THEN 1 ELSE attempt_count.count + 1 END,
            window_start_ms = CASE WHEN attempt_count.window_start_ms <= excluded.window_start_ms - \(windowMilliseconds)
                THEN excluded.window_start_ms ELSE attempt_count.window_start_ms END
            RETURNING count
            """, logger: logger
        ).decode(Int.self) {
            count = value
        }
        return count
    }

    public func removeAttemptsOlder(than age: TimeInterval) async throws {
        try await client.query(
            """
            DELETE FROM attempt_count
            WHERE window_start_ms < \(unescaped: Self.databaseMilliseconds) - \(Int64((age * 1000).rounded()))
            """, logger: logger)
    }
}

extension PostgresRowSequence {
    /// Whether the statement returned any row (reading them all).
    func hasRows() async throws -> Bool {
        var any = false
        for try await _ in self { any = true }
        return any
    }
}
