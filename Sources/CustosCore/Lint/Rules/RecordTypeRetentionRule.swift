/// Data is kept no longer than necessary, and the notice must say for how long.
public struct RecordTypeRetentionRule: PolicyRule {
    public let id = "record-type-retention"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 5(1)(e), 13(2)(a)"
    public let summary = "Every record type has a retention rule."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.recordTypes.enumerated().compactMap { index, record in
            guard record.retention.isEmpty else { return nil }
            return RuleViolation(
                .recordType(index).key("retention"),
                "The record type '\(record.id)' has no retention rule. Say how long it is kept, or the criteria that decide."
            )
        }
    }
}
