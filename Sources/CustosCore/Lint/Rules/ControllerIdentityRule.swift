/// The notice must say who the controller is.
public struct ControllerIdentityRule: PolicyRule {
    public let id = "controller-identity"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 13(1)(a), 14(1)(a)"
    public let summary = "The controller is named."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        guard policy.controller.name?.nonBlank == nil else { return [] }
        return [
            RuleViolation(
                .controller.key("name"),
                "The controller has no name. People must be told who decides how their data is used.")
        ]
    }
}
