import CustosServices
import Foundation
import Hummingbird
import Mustache

/// The landing page and the health check.
struct HomeController {
    let installation: Installation
    private let page = try! MustacheTemplate(string: HomeController.template)

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
        let workspaces = try await installation.workspaces().map { ["name": $0.name, "title": $0.title] }
        return .html(page.render(["workspaces": workspaces, "hasWorkspaces": !workspaces.isEmpty]))
    }

    private static let template = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Custos</title>
        <link rel="stylesheet" href="/assets/notice.css">
        </head>
        <body>
        <main id="main">
        <h1>Custos</h1>
        <p class="lede">The privacy notice, enforced.</p>
        {{#hasWorkspaces}}
        <h2>Privacy notices</h2>
        <ul>
        {{#workspaces}}<li><a href="/privacy/{{name}}">{{title}}</a> (<a href="/privacy/{{name}}/notice.md">Markdown</a>)</li>
        {{/workspaces}}
        </ul>
        {{/hasWorkspaces}}
        {{^hasWorkspaces}}<p>No workspace yet. Create one with <code>custos init --policy FILE</code>.</p>{{/hasWorkspaces}}
        </main>
        </body>
        </html>
        """
}
