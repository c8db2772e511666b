/// How the deadline for answering a request is counted.
public enum ResponseDeadline: String, PolicyKeyword, ImpliedWhenAbsent {
    /// One calendar month by the ICO's method, rolled past weekends and bank holidays.
    case oneMonth = "one_month"
    /// A fixed 28 days, which the ICO allows for convenience.
    case fixed28Days = "fixed_28_days"

    static var impliedValue: ResponseDeadline { .oneMonth }

    public var plainEnglish: String {
        switch self {
        case .oneMonth: "one calendar month"
        case .fixed28Days: "28 days"
        }
    }
}
