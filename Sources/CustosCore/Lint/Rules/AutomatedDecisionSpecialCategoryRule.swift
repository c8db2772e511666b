/// Significant automated decisions may use special-category data only with explicit consent, or
/// under contract or law with Art 9(2)(g); never on a recognised legitimate interest.
public struct AutomatedDecisionSpecialCategoryRule: PolicyRule {
    public let id = "automated-decision-special-category"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 22B"
    public let summary =
        "Automated decisions on special-category data rest on explicit consent, or on contract or law with Art 9(2)(g)."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.purposes.enumerated().compactMap { index, purpose in
            guard purpose.automatedDecision != nil else { return nil }
            let path = PolicyPath.purpose(index).key("automated_decision")
            if purpose.lawfulBasis == .recognisedLegitimateInterest {
                return RuleViolation(
                    path,
                    "The purpose '\(purpose.id)' makes significant automated decisions on a recognised legitimate interest, which Article 22B does not allow."
                )
            }
            guard !policy.specialFields(for: purpose).isEmpty else { return nil }
            let condition = purpose.specialCategory?.condition
            let allowed =
                condition == .explicitConsent
                || (condition == .substantialPublicInterest
                    && [.contract, .legalObligation, .publicTask].contains(purpose.lawfulBasis))
            guard !allowed else { return nil }
            return RuleViolation(
                path,
                "The purpose '\(purpose.id)' makes significant automated decisions using special-category data without explicit consent, or a contract or legal basis with Art 9(2)(g)."
            )
        }
    }
}
