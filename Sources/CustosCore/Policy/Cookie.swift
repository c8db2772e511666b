/// A cookie or similar storage the website sets, from the policy's cookie register.
public struct Cookie: Sendable, Equatable, Decodable {
    public var name: String
    /// Who provides it, e.g. "Google Analytics".
    public var provider: String?
    public var party: CookieParty
    public var purpose: String
    public var category: CookieCategory
    /// How long it lasts, e.g. "2 years" or "when you close your browser".
    public var expiry: String
    /// Whether it is set before the visitor consents (or without asking at all).
    public var setBeforeConsent: Bool
    /// Whether visitors are told and offered a simple, free way to object (needed for the
    /// statistics and preferences exemptions).
    public var objectionOffered: Bool
    /// A note that some of this was not stated by the organisation and needs confirming.
    public var assumed: String?

    /// Whether PECR lets the cookie be set without consent.
    public var isExemptFromConsent: Bool {
        switch category {
        case .strictlyNecessary: true
        case .statistics: party == .first && objectionOffered
        case .preferences: objectionOffered
        case .marketing: false
        }
    }
}
