/// Schedule 1 Part 1 para 1 and most Part 2 conditions need an appropriate policy document.
public struct AppropriatePolicyDocumentRule: PolicyRule {
    public let id = "appropriate-policy-document"
    public let severity = FindingSeverity.warning
    public let reference = "DPA 2018 Sch 1 paras 1(1)(b), 5, 39–41"
    public let summary = "A Schedule 1 condition that needs an appropriate policy document has one."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        guard policy.controller.appropriatePolicyDocument?.nonBlank == nil else { return [] }
        return policy.purposes.enumerated().compactMap { index, purpose in
            guard let condition = purpose.specialCategory?.schedule1, condition.needsAppropriatePolicyDocument else {
                return nil
            }
            return RuleViolation(
                .purpose(index).key("special_category").key("schedule1"),
                "The purpose '\(purpose.id)' relies on \(condition.reference), which needs an appropriate policy document; the controller records none (set controller.appropriate_policy_document)."
            )
        }
    }
}
