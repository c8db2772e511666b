/// What happens when a retention period ends.
public enum RetentionAction: String, PolicyKeyword {
    /// Erase the data, as an erasure request would.
    case erase
    /// Keep only statistical fields, with identifiers removed.
    case anonymise
    /// Make a task for the DPO to review the record.
    case review

    public var plainEnglish: String {
        switch self {
        case .erase: "deleted"
        case .anonymise: "anonymised"
        case .review: "reviewed"
        }
    }
}
