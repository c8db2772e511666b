import Hummingbird
import Mustache

/// Renders the privacy centre's pages: each page's model (``PublicPage``) in its template in
/// `Resources/templates`.
enum PublicPages {
    /// `page` as an HTML response with `status`.
    static func render<Page: PublicPage>(_ page: Page, status: HTTPResponse.Status = .ok) -> TextResponse {
        .html(html(page), status: status)
    }

    /// `page` as HTML; empty when its template is missing.
    static func html<Page: PublicPage>(_ page: Page) -> String {
        PageTemplates.library.render(page, withTemplate: Page.template) ?? ""
    }
}
