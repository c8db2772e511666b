/// A recognised legitimate interest must be one of the conditions of Annex 1.
public struct RecognisedInterestConditionRule: PolicyRule {
    public let id = "recognised-interest-condition"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 6(1)(ea), Annex 1"
    public let summary = "A recognised legitimate interest names its Annex 1 condition."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.purposes.enumerated().compactMap { index, purpose in
            guard purpose.lawfulBasis == .recognisedLegitimateInterest, purpose.recognisedInterest == nil else {
                return nil
            }
            return RuleViolation(
                .purpose(index).key("recognised_interest"),
                "The purpose '\(purpose.id)' relies on a recognised legitimate interest without naming its Annex 1 condition (e.g. safeguarding, crime, emergencies)."
            )
        }
    }
}
