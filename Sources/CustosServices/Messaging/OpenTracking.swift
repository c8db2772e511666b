/// What fetching a message's open pixel did.
public enum OpenTracking: Sendable, Equatable {
    /// The first open, now in the communications log.
    case recorded
    /// Opened before; the log already says so.
    case alreadyRecorded
    /// Not a tracked message of this person, or the policy no longer declares tracking: nothing recorded.
    case notTracked
}
