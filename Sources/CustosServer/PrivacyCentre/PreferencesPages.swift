import CustosServices
import Hummingbird
import Mustache

/// The pages of the unsubscribe and preferences links: plain HTML, no script, readable on a phone.
struct PreferencesPages: Sendable {
    enum Page: String, CaseIterable {
        case unsubscribe
        case unsubscribed
        case preferences
        case problem

        /// The page's template in `Resources/templates`.
        var template: String {
            "privacy-preferences-" + rawValue.replacing(/[A-Z]/) { "-" + $0.output.lowercased() }
        }
    }

    func render(_ page: Page, _ values: [String: Any]) -> String {
        PageTemplates.library.render(values, withTemplate: page.template) ?? ""
    }

    func problem(_ status: HTTPResponse.Status, _ message: String, vault: Vault) -> TextResponse {
        .html(
            render(
                .problem,
                [
                    "organisation": vault.policy.controller.displayName, "workspace": vault.workspace.name,
                    "message": message,
                ]), status: status)
    }
}
