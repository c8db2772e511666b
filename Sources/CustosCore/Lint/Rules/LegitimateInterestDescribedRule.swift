/// A notice relying on legitimate interests must say what the interests are.
public struct LegitimateInterestDescribedRule: PolicyRule {
    public let id = "legitimate-interest-undescribed"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 13(1)(d), 14(2)(b)"
    public let summary = "A purpose relying on legitimate interests describes the interest."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.purposes.enumerated().compactMap { index, purpose in
            guard purpose.lawfulBasis == .legitimateInterests, purpose.legitimateInterest?.nonBlank == nil else {
                return nil
            }
            return RuleViolation(
                .purpose(index).key("legitimate_interest"),
                "The purpose '\(purpose.id)' relies on legitimate interests without saying what the interest is. The notice must describe it."
            )
        }
    }
}
