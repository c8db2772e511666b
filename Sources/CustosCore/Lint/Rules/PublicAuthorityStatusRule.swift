/// Whether the controller is a public authority decides several rules; it must be stated.
public struct PublicAuthorityStatusRule: PolicyRule {
    public let id = "public-authority-unstated"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 6(1) (final words), 37(1)(a)"
    public let summary = "The policy says whether the controller is a public authority."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        guard policy.controller.publicAuthority == nil else { return [] }
        return [
            RuleViolation(
                .controller.key("public_authority"),
                "Say whether the controller is a public authority (maintained schools, academies and local authorities are): it decides whether a DPO must be appointed and whether legitimate interests may be relied on."
            )
        ]
    }
}
