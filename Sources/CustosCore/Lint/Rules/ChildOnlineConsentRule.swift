/// An online service offered directly to a child under 13 that rests on consent needs a parent's consent.
public struct ChildOnlineConsentRule: PolicyRule {
    public let id = "child-online-consent"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 8; DPA 2018 s.9"
    public let summary = "Consent for an online service offered to under-13s comes from a parent."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.purposes.enumerated().compactMap { index, purpose in
            guard purpose.onlineServiceToChildren, purpose.lawfulBasis == .consent,
                policy.subjects(of: purpose).contains(where: \.mayBeUnder13),
                !(purpose.consent?.parental ?? false)
            else { return nil }
            return RuleViolation(
                .purpose(index).key("consent").key("parental"),
                "The purpose '\(purpose.id)' is an online service offered to children who may be under 13 and rests on consent, but parental consent is not obtained."
            )
        }
    }
}
