import CustosServices
import Hummingbird
import Mustache

/// The pages of the privacy centre's request form: the form (with the GOV.UK error summary when
/// it comes back), the "check your email" page, and the two steps of the confirmation link.
/// Plain HTML that works without script, every input labelled, readable on a phone.
struct RequestFormPages: Sendable {
    enum Page: String, CaseIterable {
        case form
        case sent
        case confirm
        case confirmed
        case problem
        case offline

        /// The page's template in `Resources/templates`.
        var template: String {
            "privacy-request-" + rawValue.replacing(/[A-Z]/) { "-" + $0.output.lowercased() }
        }
    }

    func render(_ page: Page, _ values: [String: Any], status: HTTPResponse.Status = .ok) -> TextResponse {
        .html(PageTemplates.library.render(values, withTemplate: page.template) ?? "", status: status)
    }

    func problem(_ status: HTTPResponse.Status, _ message: String, vault: Vault) -> TextResponse {
        render(
            .problem,
            [
                "title": "This link cannot be used", "organisation": vault.policy.controller.displayName,
                "workspace": vault.workspace.name, "message": message,
            ], status: status)
    }
}
