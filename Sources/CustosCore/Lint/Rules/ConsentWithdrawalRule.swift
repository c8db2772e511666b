/// Consent must be as easy to withdraw as to give, and the notice must say how.
public struct ConsentWithdrawalRule: PolicyRule {
    public let id = "consent-withdrawal"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 7(3), 13(2)(c)"
    public let summary = "A purpose resting on consent says how to withdraw it."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.purposes.enumerated().compactMap { index, purpose in
            guard purpose.reliesOnConsent, purpose.consent?.withdraw?.nonBlank == nil else { return nil }
            return RuleViolation(
                .purpose(index).key("consent").key("withdraw"),
                "The purpose '\(purpose.id)' rests on consent but does not say how to withdraw it. Withdrawing must be as easy as giving consent."
            )
        }
    }
}
