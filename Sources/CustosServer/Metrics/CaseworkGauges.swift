import CustosCore
import CustosServices
import Foundation
import Prometheus

/// The casework an operator watches, counted for each workspace at each scrape through the
/// services' registers (counts only; nothing is opened and nothing is audited): requests open and
/// overdue by kind, breach clocks running and past their 72 hours, and the outbox by status.
struct CaseworkGauges {
    let installation: Installation
    let vaults: VaultCache
    let registry: PrometheusCollectorRegistry

    /// Sets every gauge from the registers as they are now.
    func refresh(today: CalendarDay = .today, now: Date = Date()) async throws {
        for workspace in try await installation.workspaces() {
            guard let vault = try await vaults.vault(workspaceID: workspace.id) else { continue }
            let name = ("workspace", workspace.name)
            let open = try await Requests(vault: vault).list()
            for kind in RequestKind.allCases {
                let ofKind = open.filter { $0.kind == kind }
                gauge("custos_requests_open", [name, ("kind", kind.rawValue)], "Requests open, by kind")
                    .set(Double(ofKind.count))
                gauge(
                    "custos_requests_overdue", [name, ("kind", kind.rawValue)],
                    "Open requests past their legal deadline, by kind"
                )
                .set(Double(ofKind.filter { $0.dueOn.map { $0 < today } ?? false }.count))
            }
            let clocks = try await Breaches(vault: vault).clocksRunning()
            gauge("custos_breach_clocks_running", [name], "Breaches whose 72-hour clock to tell the ICO runs")
                .set(Double(clocks.count))
            gauge("custos_breach_clocks_overdue", [name], "Breaches past 72 hours and not yet reported or decided")
                .set(Double(clocks.filter { $0.reportDeadline < now }.count))
            let outbox = try await Outbox(vault: vault).counts()
            for status in MessageStatus.allCases {
                gauge(
                    "custos_outbox_messages", [name, ("status", status.rawValue)], "Messages in the outbox, by status"
                )
                .set(Double(outbox[status] ?? 0))
            }
        }
    }

    private func gauge(_ name: String, _ labels: [(String, String)], _ help: String) -> Gauge {
        registry.makeGauge(name: name, labels: labels, help: help)
    }
}
