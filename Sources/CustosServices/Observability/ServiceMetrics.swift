import Foundation
import Metrics

/// What the services measure, through swift-metrics: nothing when no metrics system is set up (the
/// commands), the server's `/metrics` when `custos serve` sets one up. Names follow Prometheus's
/// conventions; labels are workspace names and outcomes, never personal data. Each metric is made
/// when used, so that it reaches the metrics system set up after this code loaded.
public enum ServiceMetrics {
    /// The time to append audit events on their own: what every audited read adds.
    public static let auditAppend = "custos_audit_append_seconds"
    /// The time of a workspace's daily retention sweep.
    public static let retentionSweep = "custos_retention_sweep_seconds"
    /// Sweeps by outcome: `swept`, `elsewhere` (another server holds it), `failed`.
    public static let retentionSweeps = "custos_retention_sweeps_total"
    /// People erased by retention.
    public static let retentionErased = "custos_retention_people_erased_total"
    /// The time to make a scheduled backup.
    public static let backup = "custos_backup_seconds"
    /// Scheduled backups by outcome: `made`, `failed`, `deleted` (their time kept over).
    public static let backups = "custos_backups_total"

    /// Runs `body`, recording its time under `label` (seconds).
    public static func timed<T>(
        _ label: String, dimensions: [(String, String)] = [], _ body: () async throws -> T
    ) async rethrows -> T {
        let start = ContinuousClock.now
        defer {
            Timer(label: label, dimensions: dimensions, preferredDisplayUnit: .seconds)
                .recordInterval(since: start)
        }
        return try await body()
    }

    /// Adds `amount` to the counter `label`.
    public static func count(_ label: String, _ amount: Int = 1, dimensions: [(String, String)]) {
        Counter(label: label, dimensions: dimensions).increment(by: amount)
    }
}

extension Timer {
    /// Records the time from `start` to now.
    fileprivate func recordInterval(since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        recordNanoseconds(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
    }
}
