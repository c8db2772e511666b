/// Consent is a lawful basis only where it is freely given (UK GDPR Art 4(11), 7(4)): not where
/// giving the data is required by law or a contract, not for a public authority's own tasks, where
/// people cannot really refuse (Recital 43), and not as the ground for engaging processors, who act
/// on the controller's instructions under an Art 28 contract and need no one's consent. A notice
/// built on such consent would tell parents they consented, and may withdraw, when they cannot.
public struct ConsentBasisUnavailableRule: PolicyRule {
    public let id = "consent-basis-unavailable"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 4(11), 6(1)(a), 7(4), 28, Recital 43"
    public let summary =
        "Consent is not the basis where it cannot be freely given: required data, a public authority's tasks, engaging processors."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        var violations: [RuleViolation] = []
        for (index, purpose) in policy.purposes.enumerated() where purpose.lawfulBasis == .consent {
            if let requirement = purpose.requirement, requirement != .none {
                violations.append(
                    RuleViolation(
                        .purpose(index).key("lawful_basis"),
                        "The purpose '\(purpose.id)' rests on consent, but giving its data is a \(requirement == .statutory ? "statutory" : "contractual") requirement: consent cannot be freely given where it cannot be refused. Use \(requirement == .statutory ? "legal_obligation or public_task" : "contract") instead."
                    ))
            } else if policy.controller.publicAuthority == true, !purpose.outsidePublicTasks, purpose.marketing == nil {
                violations.append(
                    RuleViolation(
                        .purpose(index).key("lawful_basis"),
                        "The purpose '\(purpose.id)' rests on consent, but a public authority's tasks rest on public_task or legal_obligation: people cannot freely refuse the body that holds them (Recital 43), and the notice would tell them they consented and may withdraw. Set outside_public_tasks if this is truly optional (photographs on the website, optional research)."
                    ))
            }
        }
        for (index, recipient) in policy.recipients.enumerated() where recipient.kind == .processor {
            guard let when = recipient.when, when.lowercased().contains("consent") else { continue }
            violations.append(
                RuleViolation(
                    .recipient(index).key("when"),
                    "'\(recipient.id)' is a processor engaged '\(when)': a processor acts on the controller's instructions under an Art 28 contract, which needs no one's consent, and consent cannot be withdrawn from it. Say what the processor does under its agreement instead."
                ))
        }
        return violations
    }
}
