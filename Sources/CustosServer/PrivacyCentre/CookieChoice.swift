import Foundation

/// What the cookie banner sends: `POST /privacy/{workspace}/cookie-consents`.
struct CookieChoice: Decodable {
    /// The random id the banner keeps in the visitor's consent cookie.
    var visitor: UUID
    /// The categories accepted; the others asked about were declined.
    var accepted: [String]
    /// The fingerprint of the cookie list the visitor was shown.
    var registerFingerprint: String
}
