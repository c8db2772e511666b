import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/console/policy`: the workspace's policy as it stands. What the linter finds in it, its
/// versions, and the documents made from it: the notice, the record of processing (with what the
/// registers show) and the fideslang export.
struct PolicyController: Sendable {
    let pages: ConsolePages

    @Sendable func show(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let vault = user.vault
        let versions = try await vault.policyVersions()
        guard let current = versions.last else { throw HTTPError(.notFound) }
        let loaded = try PolicyLoader.load(yaml: current.source, fileName: current.fileName)
        let findings = PolicyLinter().findings(for: loaded).sorted {
            ($0.severity == .error ? 0 : 1) < ($1.severity == .error ? 0 : 1)
        }
        let page = PolicyPage(
            workspace: vault.workspace.name, version: current.label, fileName: current.fileName,
            recordedAt: PageText.time(current.recordedAt), recordedBy: current.recordedBy,
            errorCount: findings.filter { $0.severity == .error }.count,
            warningCount: findings.filter { $0.severity == .warning }.count,
            findings: findings.map { finding in
                PolicyPage.Finding(
                    severity: finding.severity.rawValue, message: finding.message, reference: finding.reference,
                    where: finding.line.map { "\(finding.path), line \($0)" } ?? finding.path)
            },
            versions: versions.reversed().map { version in
                PolicyPage.Version(
                    label: version.label, recordedAt: PageText.time(version.recordedAt),
                    recordedBy: version.recordedBy, fileName: version.fileName)
            })
        return pages.render(
            page, frame: ConsoleFrame(title: "Policy", current: "/console/policy", user: user, context: context))
    }

    @Sendable func ropa(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let record = try await ProcessingRecords(vault: user.vault).build(asOf: .today)
        return Self.download(
            try ROPACSVWriter().csv(record), type: "text/csv; charset=utf-8",
            name: "record-of-processing-\(user.vault.workspace.name).csv")
    }

    @Sendable func fideslang(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        return Self.download(
            try FideslangExport(policy: user.vault.policy).combinedManifest(), type: "application/yaml; charset=utf-8",
            name: "fideslang-\(user.vault.workspace.name).yaml")
    }

    private static func download(_ text: String, type: String, name: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: type, .cacheControl: "no-store", .contentDisposition: "attachment; filename=\"\(name)\"",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
