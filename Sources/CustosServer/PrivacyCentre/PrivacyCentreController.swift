import CustosCore
import CustosServices
import Hummingbird
import Logging

/// The public privacy centre: each workspace's notice, rendered from its policy in force.
struct PrivacyCentreController {
    let installation: Installation
    let notices: NoticeCache
    private let schedulePage = RetentionSchedulePage()
    private let versionsPage = NoticeVersionsPage()

    init(installation: Installation, notices: NoticeCache) {
        self.installation = installation
        self.notices = notices
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/privacy/:workspace", use: noticeHTML)
        router.get("/privacy/:workspace/notice.md", use: noticeMarkdown)
        router.get("/privacy/:workspace/retention", use: retentionSchedule)
        router.get("/privacy/:workspace/retention.csv", use: retentionScheduleCSV)
        router.get("/privacy/:workspace/versions", use: versions)
        router.get("/privacy/:workspace/brand.css", use: brandStylesheet)
        router.get("/privacy/:workspace/logo.png", use: logo)
        router.get("/assets/notice.css") { _, _ in
            TextResponse(body: PrivacyNoticeRenderer.stylesheet, contentType: "text/css; charset=utf-8")
        }
    }

    @Sendable func noticeHTML(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        .html(try await entry(context).html)
    }

    @Sendable func noticeMarkdown(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        TextResponse(body: try await entry(context).markdown, contentType: "text/markdown; charset=utf-8")
    }

    /// The retention schedule, for anyone who asks.
    @Sendable func retentionSchedule(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        let (entry, workspace) = try await entryAndWorkspace(context)
        return .html(
            schedulePage.render(
                RetentionSchedule(policy: entry.policy), organisation: entry.policy.controller.displayName,
                workspace: workspace.name))
    }

    /// The notice's versions, with what changed between them.
    @Sendable func versions(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        let (entry, workspace) = try await entryAndWorkspace(context)
        return .html(
            versionsPage.render(
                try await installation.policyVersions(in: workspace), organisation: entry.policy.controller.displayName,
                workspace: workspace.name))
    }

    /// The organisation's colour and logo, as the policy in force gives them (``BrandStylesheet``).
    @Sendable func brandStylesheet(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        let (entry, workspace) = try await entryAndWorkspace(context)
        return TextResponse(
            body: BrandStylesheet.css(
                entry.policy.notice.branding, logoURL: "/privacy/\(workspace.name)/logo.png?v=\(entry.versionNumber)"),
            contentType: "text/css; charset=utf-8")
    }

    /// The organisation's logo, from the policy in force; 404 when it gives none.
    @Sendable func logo(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let png = try await entry(context).policy.notice.branding?.logoPNG else {
            throw HTTPError(.notFound, message: "There is no logo here.")
        }
        return Response(
            status: .ok, headers: [.contentType: "image/png", .cacheControl: "public, max-age=3600"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: png)))
    }

    @Sendable func retentionScheduleCSV(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        let entry = try await entry(context)
        return TextResponse(
            body: try RetentionSchedule(policy: entry.policy).csv(), contentType: "text/csv; charset=utf-8")
    }

    /// The workspace named in the path and its notice, or a 404 / 503 for people.
    func entry(_ context: AppRequestContext) async throws -> NoticeCache.Entry {
        try await entryAndWorkspace(context).entry
    }

    func entryAndWorkspace(
        _ context: AppRequestContext
    ) async throws -> (entry: NoticeCache.Entry, workspace: Workspace) {
        let name = try context.parameters.require("workspace")
        guard let workspace = try await installation.workspace(named: name) else {
            throw HTTPError(.notFound, message: "There is no privacy notice here.")
        }
        return (try await notice(of: workspace, context: context), workspace)
    }

    private func notice(of workspace: Workspace, context: AppRequestContext) async throws -> NoticeCache.Entry {
        let name = workspace.name
        do {
            return try await notices.notice(for: workspace, installation: installation)
        } catch let error as NoticeUnavailable {
            context.logger.error("notice unavailable", metadata: ["workspace": "\(name)", "reason": "\(error.reason)"])
            throw HTTPError(
                .serviceUnavailable, message: "The privacy notice is being updated. Please try again shortly.")
        } catch let error as NoticeIncompleteError {
            context.logger.error(
                "notice incomplete", metadata: ["workspace": "\(name)", "missing": "\(error.missing.count)"])
            throw HTTPError(
                .serviceUnavailable, message: "The privacy notice is being updated. Please try again shortly.")
        }
    }
}
