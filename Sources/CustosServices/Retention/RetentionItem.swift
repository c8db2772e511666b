public import CustosCore
public import Foundation

/// One thing a retention sweep does, and why: a person's records of one type, the rule that
/// applies, the day it runs from and the day it fell due.
public struct RetentionItem: Sendable, Equatable {
    public var subjectID: UUID
    public var recordType: String
    /// The one record it is about, for a rule that runs from each record's making (`created`);
    /// nil when it is about all the person's records of the type.
    public var recordID: UUID?
    /// The rule's id in the policy.
    public var rule: String
    public var action: RetentionAction
    /// The day the period runs from (the last activity, the event, the date of birth).
    public var triggerOn: CalendarDay
    /// The first day the action may be taken.
    public var dueOn: CalendarDay
    /// The legal hold that stops it, if one stands.
    public var heldBy: UUID?
    /// The person restricted the use of these records (UK GDPR Art 18): they are only stored,
    /// and kept, until the restriction is lifted.
    public var restricted = false

    /// Whether the sweep leaves it this time: held, or restricted.
    public var isStopped: Bool { heldBy != nil || restricted }

    public init(
        subjectID: UUID, recordType: String, rule: String, action: RetentionAction, triggerOn: CalendarDay,
        dueOn: CalendarDay, heldBy: UUID? = nil, recordID: UUID? = nil
    ) {
        self.subjectID = subjectID
        self.recordType = recordType
        self.recordID = recordID
        self.rule = rule
        self.action = action
        self.triggerOn = triggerOn
        self.dueOn = dueOn
        self.heldBy = heldBy
    }
}
