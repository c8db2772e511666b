import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/console/audit`: whether the audit chain verifies, and the workspace's latest entries.
struct AuditController: Sendable {
    let pages: ConsolePages

    /// How many entries the page shows.
    static let shown = 100
    /// How far back from the head the page looks for the workspace's entries.
    static let window: Int64 = 5_000

    @Sendable func show(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let log = user.vault.auditLog
        let report = try await log.verify()
        let head = try await log.headSequence()
        let workspace = user.vault.workspace.id
        let recent = try await log.entries(after: max(0, head - Self.window), limit: Int(Self.window))
            .filter { $0.event.workspaceID == workspace }.suffix(Self.shown).reversed()
        let page = AuditPage(
            intact: report.failure == nil, verified: report.verified, keyedFrom: report.keyedFrom.map { Int($0) },
            anchoredAt: report.anchor.map { Int($0.sequence) },
            failure: report.failure.map { "The first break is at \($0)" },
            entries: recent.map { entry in
                AuditPage.Entry(
                    sequence: Int(entry.sequence), time: PageText.time(entry.event.time), actor: entry.event.actor,
                    action: entry.event.action, purpose: entry.event.purpose ?? "")
            })
        try await user.vault.audit([user.event("audit.view", detail: "audit log viewed")])
        return pages.render(
            page, frame: ConsoleFrame(title: "Audit log", current: "/console/audit", user: user, context: context))
    }
}
