import Hummingbird
import Mustache

/// The console's pages, rendered from the Mustache templates in `Resources/templates`, each in
/// the console's frame (`console-layout`).
struct ConsolePages: Sendable {
    enum Page: String, CaseIterable {
        case signIn
        case code
        case enrol
        case dashboard
        case people
        case person
        case recordForm
        case imports
        case importJob
        case requests
        case request
        case registers
        case policy
        case audit
        case tokens
        case school
        case events
        case problem

        /// The page's template in `Resources/templates`.
        var template: String {
            "console-" + rawValue.replacing(/[A-Z]/) { "-" + $0.output.lowercased() }
        }
    }

    /// `page` with `values`, as an HTML response that no cache keeps.
    func render(_ page: Page, _ values: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(
                byteBuffer: ByteBuffer(string: PageTemplates.library.render(values, withTemplate: page.template) ?? ""))
        )
    }
}
