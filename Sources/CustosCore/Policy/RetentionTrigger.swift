/// The date a retention period runs from.
public enum RetentionTrigger: String, PolicyKeyword {
    /// The last transaction or communication with the person (every one restarts the clock).
    case lastActivity = "last_activity"
    case dateOfBirth = "date_of_birth"
    case endOfCourse = "end_of_course"
    /// The day a pupil leaves or an employee's contract ends.
    case leavingDate = "leaving_date"
    case consentWithdrawn = "consent_withdrawn"
    /// The day the record was created.
    case created
    /// A named event recorded for the person, e.g. `left_post` (see the rule's `event`).
    case event

    /// The trigger as a sentence says it ("5 years after ...").
    public var plainEnglish: String {
        switch self {
        case .lastActivity: "your last transaction or communication with us"
        case .dateOfBirth: "date of birth"
        case .endOfCourse: "the end of the course"
        case .leavingDate: "leaving"
        case .consentWithdrawn: "you withdraw your consent"
        case .created: "the record is made"
        case .event: "the event"
        }
    }
}
