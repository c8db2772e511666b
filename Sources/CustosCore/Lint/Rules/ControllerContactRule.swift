/// The notice must say how to contact the controller.
public struct ControllerContactRule: PolicyRule {
    public let id = "controller-contact"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 13(1)(a), 14(1)(a)"
    public let summary = "The controller gives at least one way to contact it (email, phone, address or website)."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        guard !policy.controller.contact.hasContactRoute else { return [] }
        return [
            RuleViolation(
                .controller,
                "The controller gives no email, phone, postal address or website. People must be able to contact it.")
        ]
    }
}
