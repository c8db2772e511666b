/// Relying on legitimate interests needs a recorded balancing test (an LIA) to show accountability.
public struct LegitimateInterestAssessmentRule: PolicyRule {
    public let id = "legitimate-interest-assessment"
    public let severity = FindingSeverity.warning
    public let reference = "UK GDPR Art 5(2), 6(1)(f)"
    public let summary = "A purpose relying on legitimate interests points to its legitimate interests assessment."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.purposes.enumerated().compactMap { index, purpose in
            guard purpose.lawfulBasis == .legitimateInterests,
                purpose.legitimateInterestAssessment?.nonBlank == nil,
                // A basis the policy cannot use at all is refused by its own rule: no assessment
                // is asked for on top of that.
                !(policy.controller.publicAuthority == true && !purpose.outsidePublicTasks)
            else { return nil }
            return RuleViolation(
                .purpose(index).key("legitimate_interest_assessment"),
                "The purpose '\(purpose.id)' relies on legitimate interests but points to no legitimate interests assessment. Record the balancing test and where it is kept."
            )
        }
    }
}
