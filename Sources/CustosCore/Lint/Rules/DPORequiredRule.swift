/// A public authority must designate a Data Protection Officer.
public struct DPORequiredRule: PolicyRule {
    public let id = "dpo-required"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 37(1)(a)"
    public let summary = "A public authority names its Data Protection Officer."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        guard policy.controller.publicAuthority == true, policy.dpo == nil else { return [] }
        return [
            RuleViolation(
                .dpo,
                "\(policy.controller.displayName) is a public authority but names no Data Protection Officer. Public authorities must appoint one."
            )
        ]
    }
}
