/// Something defined and never used is usually a typo or a leftover; either way the data map is wrong.
public struct UnusedDefinitionRule: PolicyRule {
    public let id = "unused-definition"
    public let severity = FindingSeverity.warning
    public let reference = "UK GDPR Art 30(1)"
    public let summary = "Every subject kind, purpose, recipient and retention rule is used."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        var found: [RuleViolation] = []
        let roleSubjects = Set(policy.recordTypes.flatMap { $0.roles.map(\.subject) })
        for (index, subject) in policy.subjects.enumerated() where !roleSubjects.contains(subject.id) {
            found.append(
                RuleViolation(.subject(index), "The subject kind '\(subject.id)' plays no role in any record type."))
        }
        let usedPurposes = Set(policy.recordTypes.flatMap(\.purposes))
        for (index, purpose) in policy.purposes.enumerated() where !usedPurposes.contains(purpose.id) {
            found.append(
                RuleViolation(
                    .purpose(index),
                    "The purpose '\(purpose.id)' is used by no record type, so no data is processed for it."))
        }
        let usedRecipients = Set(policy.purposes.flatMap(\.recipients))
        for (index, recipient) in policy.recipients.enumerated() where !usedRecipients.contains(recipient.id) {
            found.append(
                RuleViolation(.recipient(index), "The recipient '\(recipient.id)' receives data for no purpose."))
        }
        let usedRules = Set(policy.recordTypes.flatMap(\.retention))
        for (index, rule) in policy.retention.enumerated() where !usedRules.contains(rule.id) {
            found.append(
                RuleViolation(.retentionRule(index), "The retention rule '\(rule.id)' applies to no record type."))
        }
        return found
    }
}
