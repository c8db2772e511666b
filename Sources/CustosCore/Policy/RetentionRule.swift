/// How long a record type is kept: trigger + offset + action, with the authority for it
/// (RULES.md §9: IRMS is guidance, not statute, so the statutory flag is recorded separately).
public struct RetentionRule: Sendable, Equatable, Decodable {
    public var id: String
    /// The period as a notice says it, e.g. "5 years after your last booking or email with us".
    public var description: String?
    public var trigger: RetentionTrigger
    /// The event's name, when the trigger is `event` (e.g. `left_post`).
    public var event: String?
    public var offset: RetentionPeriod
    public var action: RetentionAction
    /// Where the period comes from: a statute, the IRMS toolkit, the organisation's own notice.
    public var authority: String?
    /// Whether a statute sets the period.
    public var statutory: Bool
    /// For `anonymise`: the statistical fields kept.
    public var keepFields: [String]
    /// A note that some of this was not stated by the organisation and needs confirming.
    public var assumed: String?

    /// The first day the action may be taken for data whose period runs from `trigger`: a review
    /// on the day the period ends; an erasure or anonymisation on the day after, as the data may
    /// be kept for the whole period ("at most 5 years after" keeps it on the last day).
    public func dueOn(from trigger: CalendarDay) -> CalendarDay {
        let end = trigger.adding(months: offset.years * 12 + offset.months).adding(days: offset.days)
        return action == .review ? end : end.adding(days: 1)
    }

    /// The last day the trigger may fall for the action to be due on `day`.
    public func latestTrigger(dueBy day: CalendarDay) -> CalendarDay {
        let end = action == .review ? day : day.adding(days: -1)
        return end.adding(days: -offset.days).adding(months: -(offset.years * 12 + offset.months))
    }

    /// The name of the event staff record for a person to start this rule's period: the rule's
    /// `event` (`left_post`), or, for a leaving date or the end of a course, `leaving_date` or
    /// `end_of_course`; nil for triggers read from the data.
    public var eventName: String? {
        switch trigger {
        case .event: event
        case .leavingDate, .endOfCourse: event ?? trigger.rawValue
        default: nil
        }
    }

    /// The rule in words: the description, else "deleted 5 years after date of birth".
    public var plainEnglish: String {
        if let description = description?.nonBlank { return description }
        let from = trigger == .event ? "the event '\(event ?? "event")'" : trigger.plainEnglish
        let when = offset.isZero ? "when" : "\(offset) after"
        return "\(action.plainEnglish.capitalizingFirst) \(when) \(from)"
    }
}
