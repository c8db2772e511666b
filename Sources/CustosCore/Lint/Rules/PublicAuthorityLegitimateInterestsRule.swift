/// Public authorities cannot rely on legitimate interests, recognised or not, for their tasks.
public struct PublicAuthorityLegitimateInterestsRule: PolicyRule {
    public let id = "public-authority-legitimate-interests"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 6(1) (final words); Data (Use and Access) Act 2025 s.70"
    public let summary = "A public authority does not use legitimate interests for its public tasks."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        guard policy.controller.publicAuthority == true else { return [] }
        return policy.purposes.enumerated().compactMap { index, purpose in
            guard let basis = purpose.lawfulBasis, basis.isLegitimateInterest, !purpose.outsidePublicTasks else {
                return nil
            }
            return RuleViolation(
                .purpose(index).key("lawful_basis"),
                "The purpose '\(purpose.id)' relies on \(basis.title.lowercased()), which a public authority cannot use for its tasks. Use public_task or legal_obligation, or set outside_public_tasks if this processing is not part of them."
            )
        }
    }
}
