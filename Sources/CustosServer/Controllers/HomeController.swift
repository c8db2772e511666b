import CustosServices
import Foundation
import Hummingbird
import Mustache

/// The landing page, and the checks an orchestrator or load balancer asks: `/healthz` (the
/// process answers) and `/readyz` (it can serve: database, schema and keys; 503 when not).
struct HomeController {
    let installation: Installation

    init(installation: Installation) {
        self.installation = installation
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/", use: home)
        router.get("/healthz") { _, _ in
            TextResponse(body: #"{"status":"ok"}"#, contentType: "application/json")
        }
        router.get("/readyz", use: ready)
    }

    /// `{"status": "ready" | "not_ready", "checks": {"database": {"passed", "detail"}, ...}}`.
    @Sendable func ready(_ request: Request, context: AppRequestContext) async throws -> Response {
        let readiness = await installation.readiness()
        var response = try JSONEncoder().encode(ReadinessDocument(readiness), from: request, context: context)
        response.status = readiness.isReady ? .ok : .serviceUnavailable
        response.headers[.cacheControl] = "no-store"
        return response
    }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        let workspaces = try await installation.workspaces().map { HomePage.Workspace(name: $0.name, title: $0.title) }
        return PublicPages.render(HomePage(workspaces: workspaces, hasWorkspaces: !workspaces.isEmpty))
    }

}
