/// What recording a policy did.
public enum PolicyVersionOutcome: Sendable, Hashable {
    /// The text differed from the current version: a new version was recorded.
    case recorded(PolicyVersion)
    /// The text is the current version's: nothing was recorded.
    case unchanged(PolicyVersion)

    public var version: PolicyVersion {
        switch self {
        case .recorded(let version), .unchanged(let version): version
        }
    }
}
