/// A record type that declares its kind of school record (``SchoolRecordKind``) is not destroyed
/// before the least time the law (an error) or guidance (a warning) keeps that kind: the daily
/// sweep would otherwise erase records irreversibly, on a rule written too short.
public struct RetentionFloorRule: PolicyRule {
    public let id: String
    public let severity: FindingSeverity
    public let reference: String
    public let summary: String
    /// Whether this instance checks statutory periods (else guidance).
    public let statutory: Bool

    /// The rule for statutory periods (`statutory`), or for guidance.
    public init(statutory: Bool) {
        self.statutory = statutory
        if statutory {
            id = "retention-statutory-minimum"
            severity = .error
            reference = "UK GDPR Art 5(1)(e), 6(1)(c); the statute the period comes from"
            summary = "No rule destroys a kind of school record before the period a statute keeps it for."
        } else {
            id = "retention-guidance-minimum"
            severity = .warning
            reference = "UK GDPR Art 5(1)(e), 5(2); IRMS Information Management Toolkit for Schools, KCSIE"
            summary =
                "No rule destroys a kind of school record before the period guidance keeps it for, without a reason."
        }
    }

    public func check(_ policy: Policy) -> [RuleViolation] {
        var violations: [RuleViolation] = []
        for (typeIndex, type) in policy.recordTypes.enumerated() {
            guard let kind = type.kind, let minimum = statutory ? kind.floor.statutory : kind.floor.guidance else {
                continue
            }
            for ruleID in type.retention {
                guard let rule = policy.retention.first(where: { $0.id == ruleID }), rule.action != .review,
                    Self.mayEndBefore(rule, minimum)
                else { continue }
                violations.append(
                    RuleViolation(
                        .recordType(typeIndex).key("retention"),
                        "'\(type.id)' is \(kind.title), kept at least \(minimum.plainEnglish) (\(minimum.source)), but the rule '\(rule.id)' \(rule.action == .erase ? "erases" : "anonymises") it \(rule.offset.isZero ? "on" : "\(rule.offset) after") \(rule.trigger == .event ? "the event '\(rule.event ?? "")'" : rule.trigger.plainEnglish), which can come sooner. \(statutory ? "Keep it for the statutory period." : "Keep it for that period, or record why less is enough.")"
                    ))
            }
        }
        return violations
    }

    /// Whether data kept by `rule` can be destroyed before `minimum` ends: its period is shorter,
    /// or it runs from a day that can come before the minimum's (a rule from the day a record is
    /// made ends before one from leaving, however long). The date of birth comes first, then the
    /// record's making, then everything that happens after it.
    static func mayEndBefore(_ rule: RetentionRule, _ minimum: RetentionFloor.Minimum) -> Bool {
        func rank(_ trigger: RetentionTrigger) -> Int {
            switch trigger {
            case .dateOfBirth: 0
            case .created: 1
            default: 2
            }
        }
        let sameOrLater =
            rule.trigger == minimum.trigger || (rank(rule.trigger) > rank(minimum.trigger) && rank(minimum.trigger) < 2)
        return !sameOrLater || days(rule.offset) < days(minimum.period)
    }

    /// A period's length in days, a year as 365.25 and a month as a twelfth of that: enough to
    /// compare periods written in different units.
    private static func days(_ period: RetentionPeriod) -> Double {
        Double(period.years) * 365.25 + Double(period.months) * 30.4375 + Double(period.days) + 0.5
    }
}
