/// Every purpose needs a lawful basis.
public struct LawfulBasisRule: PolicyRule {
    public let id = "lawful-basis"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 6(1), 13(1)(c)"
    public let summary = "Every purpose has a lawful basis from Article 6(1)."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.purposes.enumerated().compactMap { index, purpose in
            guard purpose.lawfulBasis == nil else { return nil }
            return RuleViolation(
                .purpose(index).key("lawful_basis"),
                "The purpose '\(purpose.id)' has no lawful basis. Choose one of consent, contract, legal_obligation, vital_interests, public_task, recognised_legitimate_interest or legitimate_interests."
            )
        }
    }
}
