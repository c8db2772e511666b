/// What an open request's clock waits for before it runs, or before a due date can be given.
public enum RequestClockWait: String, Sendable, Codable, CaseIterable {
    /// The requester's identity is not yet shown.
    case identity
    /// A fee, charged on a ground the law allows, is not yet paid.
    case fee
    /// A parent's educational-record request whose 15 school days reach past the last term the
    /// school entered: the clock runs, and the school must add its next term to know the day.
    case schoolCalendar = "school_calendar"

    /// What is awaited, in words.
    public var plainEnglish: String {
        switch self {
        case .identity: "identity awaited"
        case .fee: "fee awaited"
        case .schoolCalendar: "school calendar needed: the 15 school days run past the last term entered"
        }
    }

    /// Whether the clock is running all the same: the due date is only unknown, and the request
    /// is urgent rather than waiting.
    public var clockRuns: Bool { self == .schoolCalendar }
}
