/// Article 9(2)(b), (g), (h), (i) and (j) are met only with a matching DPA 2018 Schedule 1 condition.
public struct Schedule1ConditionRule: PolicyRule {
    public let id = "schedule1-condition"
    public let severity = FindingSeverity.error
    public let reference = "DPA 2018 s.10, Sch 1"
    public let summary = "An Article 9 condition that needs a Schedule 1 condition has a matching one."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.purposes.enumerated().compactMap { index, purpose in
            guard let basis = purpose.specialCategory, let condition = basis.condition else { return nil }
            let path = PolicyPath.purpose(index).key("special_category").key("schedule1")
            guard let needed = condition.schedule1Conditions else { return nil }
            guard let chosen = basis.schedule1 else {
                let part = condition == .substantialPublicInterest ? "Part 2" : "Part 1"
                return RuleViolation(
                    path,
                    "The purpose '\(purpose.id)' relies on \(condition.reference), which is met only with a DPA 2018 Schedule 1 \(part) condition; none is given."
                )
            }
            guard !needed.contains(chosen) else { return nil }
            return RuleViolation(
                path,
                "The purpose '\(purpose.id)' pairs \(condition.reference) with \(chosen.reference) (\(chosen.title)), which does not go with it."
            )
        }
    }
}
