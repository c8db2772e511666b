public import CustosCore
public import CustosStorage
public import Foundation
import GRDB

extension SQLiteStore {
    /// The clock leases and attempt windows are timed by, in milliseconds since 1970: every process
    /// sharing the file runs on this machine, so they share it.
    static func clockMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }

    public func claim(_ claim: JobClaim) async throws -> JobClaimOutcome {
        try await pool.write { db in
            let now = Self.clockMilliseconds()
            let workspace = claim.workspaceID.uuidString
            try db.execute(
                literal: """
                    INSERT INTO job_claim (workspace_id, job, holder, lease_until_ms)
                    VALUES (\(workspace), \(claim.job), \(claim.holder), \(now + claim.leaseMilliseconds))
                    ON CONFLICT (workspace_id, job) DO UPDATE SET holder = excluded.holder,
                    lease_until_ms = excluded.lease_until_ms
                    WHERE job_claim.lease_until_ms < \(now) OR job_claim.holder = excluded.holder
                    """)
            let taken = db.changesCount == 1
            let finished =
                try SQLRequest<String?>(
                    literal:
                        "SELECT finished_on FROM job_claim WHERE workspace_id = \(workspace) AND job = \(claim.job)"
                ).fetchOne(db) ?? nil
            return JobClaimOutcome(taken: taken, finishedOn: finished.flatMap { CalendarDay(iso: $0) })
        }
    }

    public func finish(_ claim: JobClaim, on day: CalendarDay?) async throws {
        try await pool.write { db in
            try db.execute(
                literal: """
                    UPDATE job_claim SET lease_until_ms = 0, finished_on = coalesce(\(day?.iso), finished_on)
                    WHERE workspace_id = \(claim.workspaceID.uuidString) AND job = \(claim.job)
                    AND holder = \(claim.holder)
                    """)
        }
    }

    public func countAttempt(_ key: AttemptKey, window: TimeInterval) async throws -> Int {
        try await pool.write { db in
            let now = Self.clockMilliseconds()
            let start = now - Int64((window * 1000).rounded())
            return try SQLRequest<Int>(
                literal: """
                    INSERT INTO attempt_count (scope, key_hash, window_start_ms, count)
                    VALUES (\(key.scope), \(key.hash), \(now), 1)
                    ON CONFLICT (scope, key_hash) DO UPDATE SET
                    count = CASE WHEN attempt_count.window_start_ms <= \(start) THEN 1 ELSE attempt_count.count + 1 END,
                    window_start_ms = CASE WHEN attempt_count.window_start_ms <= \(start)
                        THEN excluded.window_start_ms ELSE attempt_count.window_start_ms END
                    RETURNING count
                    """
            ).fetchOne(db) ?? 1
        }
    }

    public func removeAttemptsOlder(than age: TimeInterval) async throws {
        try await pool.write { db in
            try db.execute(
                literal: """
                    DELETE FROM attempt_count WHERE window_start_ms < \(Self.clockMilliseconds() - Int64((age * 1000).rounded()))
                    """)
        }
    }
}
