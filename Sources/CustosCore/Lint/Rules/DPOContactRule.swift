/// The notice must give the DPO's contact details.
public struct DPOContactRule: PolicyRule {
    public let id = "dpo-contact"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 13(1)(b), 37(7)"
    public let summary = "A named DPO has contact details."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        guard let dpo = policy.dpo, !dpo.hasContactRoute else { return [] }
        return [
            RuleViolation(
                .dpo,
                "The Data Protection Officer has no contact details. Give an email, phone or address people can use.")
        ]
    }
}
