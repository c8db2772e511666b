/// Each retention period should say where it comes from: a statute, the IRMS toolkit, a decision.
public struct RetentionAuthorityRule: PolicyRule {
    public let id = "retention-authority"
    public let severity = FindingSeverity.warning
    public let reference = "UK GDPR Art 5(1)(e), 5(2)"
    public let summary = "Every retention rule names its authority."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.retention.enumerated().compactMap { index, rule in
            guard rule.authority?.nonBlank == nil else { return nil }
            return RuleViolation(
                .retentionRule(index).key("authority"),
                "The retention rule '\(rule.id)' does not say where its period comes from (a statute, the IRMS toolkit, or the organisation's decision)."
            )
        }
    }
}
