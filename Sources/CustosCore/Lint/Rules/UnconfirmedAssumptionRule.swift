/// An `assumed:` note marks something the organisation has not stated; it must be confirmed.
public struct UnconfirmedAssumptionRule: PolicyRule {
    public let id = "unconfirmed-assumption"
    public let severity = FindingSeverity.warning
    public let reference = "UK GDPR Art 5(2)"
    public let summary = "Nothing in the policy rests on an assumption left to confirm."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        var notes: [(PolicyPath, String)] = []
        if let note = policy.controller.assumed { notes.append((.controller.key("assumed"), note)) }
        for (index, record) in policy.recordTypes.enumerated() {
            if let note = record.assumed { notes.append((.recordType(index).key("assumed"), note)) }
        }
        for (index, purpose) in policy.purposes.enumerated() {
            if let note = purpose.assumed { notes.append((.purpose(index).key("assumed"), note)) }
        }
        for (index, recipient) in policy.recipients.enumerated() {
            if let note = recipient.assumed { notes.append((.recipient(index).key("assumed"), note)) }
        }
        for (index, rule) in policy.retention.enumerated() {
            if let note = rule.assumed { notes.append((.retentionRule(index).key("assumed"), note)) }
        }
        for (index, cookie) in policy.cookies.enumerated() {
            if let note = cookie.assumed { notes.append((.cookie(index).key("assumed"), note)) }
        }
        return notes.map { path, note in RuleViolation(path, "To confirm: \(note)") }
    }
}
