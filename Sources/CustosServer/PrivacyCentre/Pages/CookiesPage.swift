/// `/privacy/{workspace}/cookies` (`privacy-cookies`): the cookies the organisation's website
/// sets, a table a category, from the policy's cookie register. Not in the privacy centre's frame:
/// it loads the cookie banner, as the website's own pages do.
struct CookiesPage: PublicPage {
    static let template = "privacy-cookies"

    /// A category of cookies the website sets, and its cookies.
    struct Category: Sendable {
        let title: String
        /// Whether the category's cookies wait for the visitor's consent.
        let asks: Bool
        let cookies: [Cookie]
    }

    /// A cookie, as a row of its category's table.
    struct Cookie: Sendable {
        let name: String
        /// Who sets it: "This site" or "Another organisation".
        let party: String
        /// Who provides it ("Google Analytics"); none when the register does not say.
        let provider: String?
        let purpose: String
        /// How long it lasts.
        let expiry: String
    }

    let organisation: String
    let workspace: String
    /// Whether any category waits for consent, so the page offers to change the choice.
    let asksAnything: Bool
    /// The categories that have a cookie, strictly necessary first.
    let categories: [Category]
}
