/// Which records an access rule reaches.
public enum AccessScope: String, PolicyKeyword {
    case workspace
    /// Records of people who belong to the user's own school.
    case ownSchool = "own_school"
    /// Records of the attendees of events the user delivers.
    case ownEvents = "own_events"
}
