/// Schedule 1 Part 2 para 16 is only for not-for-profit bodies that support people with a
/// particular disability or medical condition; schools and most associations cannot use it.
public struct DisabilitySupportBodyRule: PolicyRule {
    public let id = "schedule1-para16-body"
    public let severity = FindingSeverity.error
    public let reference = "DPA 2018 Sch 1 Pt 2 para 16"
    public let summary =
        "Schedule 1 para 16 is relied on only by a not-for-profit disability or medical-condition support body."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        let controller = policy.controller
        guard !(controller.notForProfit && controller.disabilitySupportBody) else { return [] }
        return policy.purposes.enumerated().compactMap { index, purpose in
            guard purpose.specialCategory?.schedule1 == .disabilitySupport else { return nil }
            let what =
                controller.notForProfit
                ? "a not-for-profit body that does not exist to support people with a particular disability or medical condition"
                : "not a not-for-profit body"
            return RuleViolation(
                .purpose(index).key("special_category").key("schedule1"),
                "The purpose '\(purpose.id)' relies on Schedule 1 para 16 (support for individuals with a particular disability or medical condition), but \(controller.displayName) is \(what). Choose another condition, e.g. explicit consent."
            )
        }
    }
}
