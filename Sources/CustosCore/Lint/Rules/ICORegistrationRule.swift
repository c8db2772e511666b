/// Controllers pay the ICO's data protection fee and appear on its register, unless exempt.
public struct ICORegistrationRule: PolicyRule {
    public let id = "ico-registration"
    public let severity = FindingSeverity.warning
    public let reference = "Data Protection (Charges and Information) Regulations 2018"
    public let summary = "The controller's ICO registration number is recorded."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        guard policy.controller.icoRegistration?.nonBlank == nil else { return [] }
        return [
            RuleViolation(
                .controller.key("ico_registration"),
                "No ICO registration number. Unless exempt, the controller must pay the data protection fee; record the number from the ICO's register."
            )
        ]
    }
}
