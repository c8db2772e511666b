/// Cookies other than exempt ones wait for the visitor's consent.
public struct CookieConsentRule: PolicyRule {
    public let id = "cookie-consent"
    public let severity = FindingSeverity.error
    public let reference = "PECR reg 6, Sch A1"
    public let summary = "A cookie that is not exempt is set only after consent."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.cookies.enumerated().compactMap { index, cookie in
            guard cookie.setBeforeConsent, !cookie.isExemptFromConsent else { return nil }
            let why =
                switch cookie.category {
                case .statistics where cookie.party == .third: "third-party statistics cookies are not exempt"
                case .statistics, .preferences: "visitors are not offered a simple, free way to object"
                default: "\(cookie.category.title.lowercased()) cookies always need consent"
                }
            return RuleViolation(
                .cookie(index).key("set_before_consent"),
                "The cookie '\(cookie.name)' is set without consent, but \(why).")
        }
    }
}
