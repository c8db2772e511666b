public import CustosCore
public import CustosStorage
import Foundation
public import Logging
public import ServiceLifecycle

/// Runs the retention sweep (``Retention``) over every workspace once a day, for as long as the
/// server runs: at start, then each time the day (in the clock's time zone) changes, checked
/// every `interval`; a sweep that failed anywhere (the database not yet migrated, say) is tried
/// again at the next check. With several servers on one database, each workspace is swept once a
/// day by whichever claims it first (``Retention/runDaily(asOf:at:holder:)``). Logs counts only.
public struct RetentionService: Service {
    let store: any CustosStore
    let keys: MasterKeySource
    let interval: Duration
    let logger: Logger

    public init(store: any CustosStore, keys: MasterKeySource, interval: Duration = .seconds(3600), logger: Logger) {
        self.store = store
        self.keys = keys
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            var lastRun: CalendarDay?
            while !Task.isCancelled {
                let today = CalendarDay.today
                if lastRun != today, await sweep(asOf: today) {
                    lastRun = today
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// One sweep of every workspace; whether every workspace was swept. A failing workspace is
    /// logged and does not stop the others.
    @discardableResult
    public func sweep(asOf day: CalendarDay) async -> Bool {
        let workspaces: [Workspace]
        do {
            workspaces = try await store.workspaces()
        } catch {
            logger.error("retention: workspaces cannot be read", metadata: ["error": "\(type(of: error))"])
            return false
        }
        var swept = true
        for workspace in workspaces {
            let dimensions = [("workspace", workspace.name)]
            let outcome = await ServiceMetrics.timed(ServiceMetrics.retentionSweep, dimensions: dimensions) {
                await sweep(workspace, asOf: day)
            }
            ServiceMetrics.count(ServiceMetrics.retentionSweeps, dimensions: dimensions + [("outcome", outcome)])
            if outcome != "swept" { swept = false }
        }
        return swept
    }

    /// Sweeps one workspace; the outcome as ``ServiceMetrics/retentionSweeps`` counts it.
    private func sweep(_ workspace: Workspace, asOf day: CalendarDay) async -> String {
        do {
            let vault = try await Vault.open(store: store, workspace: workspace, keys: keys)
            guard let report = try await Retention(vault: vault).runDaily(asOf: day) else {
                // Another server sweeps it now; the next check finds it swept, or takes over.
                logger.info("retention: swept elsewhere now", metadata: ["workspace": "\(workspace.name)"])
                return "elsewhere"
            }
            logger.info(
                "retention",
                metadata: [
                    "workspace": "\(workspace.name)", "erased": "\(report.subjectsErased)",
                    "partly": "\(report.subjectsPartlyErased)", "reviews": "\(report.reviewsAdded)",
                    "held": "\(report.held)", "purged": "\(report.sealedRowsPurged)",
                ])
            ServiceMetrics.count(
                ServiceMetrics.retentionErased, report.subjectsErased, dimensions: [("workspace", workspace.name)])
            return "swept"
        } catch {
            logger.error("retention failed", metadata: ["workspace": "\(workspace.name)", "error": "\(error)"])
            return "failed"
        }
    }
}
