/// A retention rule states a period or the criteria for one (Art 13(2)(a)): "reviewed when the
/// record is made", written from "as long as the law says", states neither, and the notice would
/// tell people nothing.
public struct RetentionPeriodStatedRule: PolicyRule {
    public let id = "retention-period-stated"
    public let severity = FindingSeverity.warning
    public let reference = "UK GDPR Art 5(1)(e), 13(2)(a), 14(2)(a)"
    public let summary =
        "A retention rule states a period, or a review at the end of one; a review on day 0 states neither."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.retention.enumerated().compactMap { index, rule in
            guard rule.action == .review, rule.offset.isZero else { return nil }
            return RuleViolation(
                .retentionRule(index).key("offset"),
                "The rule '\(rule.id)' reviews the data 0 days after \(rule.trigger.plainEnglish): that states no period and no criteria. Give the period the law or guidance sets (see the kinds of school record in docs/retention.md), or the event that ends the need."
            )
        }
    }
}
