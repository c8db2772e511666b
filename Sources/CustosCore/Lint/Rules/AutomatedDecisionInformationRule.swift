/// A notice must explain automated decisions: the logic, the significance and the consequences.
public struct AutomatedDecisionInformationRule: PolicyRule {
    public let id = "automated-decision-information"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 13(2)(f), 14(2)(g), 22A–22D"
    public let summary = "An automated decision is explained: logic, significance and consequences."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.purposes.enumerated().compactMap { index, purpose in
            guard let decision = purpose.automatedDecision else { return nil }
            let missing = [
                ("logic", decision.logic), ("significance", decision.significance),
                ("consequences", decision.consequences),
            ].filter { $0.1?.nonBlank == nil }.map(\.0)
            guard !missing.isEmpty else { return nil }
            return RuleViolation(
                .purpose(index).key("automated_decision"),
                "The purpose '\(purpose.id)' makes automated decisions without explaining their \(missing.joined(separator: ", "))."
            )
        }
    }
}
