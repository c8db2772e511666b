/// `/privacy/{workspace}/cookies/example` (`privacy-cookies-example`): a page written as a website's
/// page should be, showing how a site loads the cookie banner and holds back each script that
/// sets cookies until the visitor agrees to its category. Not in the privacy centre's frame.
struct CookiesExamplePage: PublicPage {
    static let template = "privacy-cookies-example"

    /// A category that waits for consent, and the script held back for it.
    struct Gated: Sendable {
        /// The category's keyword, as the script's `data-custos-category` names it.
        let category: String
        let title: String
        /// The names of the cookies its script sets, as a list says them.
        let cookies: String
    }

    let organisation: String
    let workspace: String
    let gated: [Gated]
}
