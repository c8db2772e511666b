import CustosServices
import Foundation
import Hummingbird
import Mustache

/// The landing page and the health check.
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
    }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> TextResponse {
        let workspaces = try await installation.workspaces().map { HomePage.Workspace(name: $0.name, title: $0.title) }
        return PublicPages.render(HomePage(workspaces: workspaces, hasWorkspaces: !workspaces.isEmpty))
    }

}
