import Hummingbird
import Mustache

/// The pages of the privacy centre's registration form: the form, made from the policy's record
/// type (``RecordFormView``), with the GOV.UK error summary when it comes back and a warning
/// against a shared address; the "check your email" page; and the two steps of the link.
struct RegistrationPages: Sendable {
    enum Page: String, CaseIterable {
        case form
        case sent
        case confirm
        case registered
        case problem

        /// The page's template in `Resources/templates`.
        var template: String {
            "privacy-registration-" + rawValue.replacing(/[A-Z]/) { "-" + $0.output.lowercased() }
        }
    }

    func render(_ page: Page, _ values: [String: Any], status: HTTPResponse.Status = .ok) -> TextResponse {
        .html(PageTemplates.library.render(values, withTemplate: page.template) ?? "", status: status)
    }
}
