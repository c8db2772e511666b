import CustosCore
import Foundation

/// The cookie banner: a small script of our own that an organisation adds to its website with one
/// `<script src=".../privacy/WORKSPACE/cookies.js" defer>`. No third-party service is involved.
///
/// Non-essential scripts on the site are written as `<script type="text/plain"
/// data-custos-category="statistics">` and run only once their category is accepted; with
/// JavaScript off they never run, so only strictly necessary cookies are set. The choice is kept
/// in a first-party cookie with the register's fingerprint: when the list of cookies changes, the
/// visitor is asked again. Any element with `data-custos-cookie-settings` reopens the banner, and
/// declining a category that was accepted removes its first-party cookies.
enum CookieBannerScript {
    /// The name of the cookie that keeps the visitor's choice.
    static let consentCookie = "custos_consent"

    /// What the script needs to know, as JSON.
    struct Configuration: Encodable {
        struct Category: Encodable {
            var id: String
            var title: String
            var cookies: [CookieEntry]
        }
        struct CookieEntry: Encodable {
            var name: String
            var provider: String?
            var purpose: String
            var expiry: String
        }
        var endpoint: String
        var cookiesPage: String
        var fingerprint: String
        var cookieName: String
        var organisation: String
        var categories: [Category]
    }

    /// The script for a workspace whose pages live under `base` (e.g. `/privacy/bep`).
    static func script(register: CookieRegister, organisation: String, base: String) throws -> String {
        let configuration = Configuration(
            endpoint: "\(base)/cookie-consents", cookiesPage: "\(base)/cookies", fingerprint: register.fingerprint,
            cookieName: consentCookie, organisation: organisation,
            categories: register.categoriesNeedingConsent.map { category in
                Configuration.Category(
                    id: category.rawValue, title: category.title,
                    cookies: register.cookies(in: category).map {
                        Configuration.CookieEntry(
                            name: $0.name, provider: $0.provider, purpose: $0.purpose, expiry: $0.expiry)
                    })
            })
        // JSONEncoder escapes "/" as "\/", so nothing in the policy's text can close the script.
        let json = String(decoding: try JSONEncoder().encode(configuration), as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c")
        return body.replacingOccurrences(of: "/*CONFIGURATION*/null", with: json)
    }

    /// The banner's look: plain, high-contrast, with a visible focus ring. A file of its own so
    /// that pages with a strict Content-Security-Policy may load it (`Resources/assets/cookies.css`).
    static let stylesheet = String(decoding: PackageResources.cookies_css, as: UTF8.self)

    /// The script, `Resources/assets/cookies.js`, before the workspace's configuration is put in.
    private static let body = String(decoding: PackageResources.cookies_js, as: UTF8.self)
}
