/// Where giving the data is a statutory or contractual requirement, the notice must say what
/// happens if it is not given.
public struct RequirementConsequenceRule: PolicyRule {
    public let id = "requirement-consequence"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 13(2)(e)"
    public let summary = "A statutory or contractual requirement states the consequence of not giving the data."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.purposes.enumerated().compactMap { index, purpose in
            guard let requirement = purpose.requirement, requirement != .none, purpose.consequence?.nonBlank == nil
            else {
                return nil
            }
            return RuleViolation(
                .purpose(index).key("consequence"),
                "The purpose '\(purpose.id)' is a \(requirement.rawValue.replacingOccurrences(of: "_", with: " ")) requirement but does not say what happens if the data is not given."
            )
        }
    }
}
