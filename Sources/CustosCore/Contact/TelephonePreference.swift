/// What the Telephone Preference Service says of a person's numbers, as far as the organisation
/// has screened them: PECR reg 21 forbids unsolicited marketing calls to a number registered with
/// the TPS (or the Corporate TPS) unless the subscriber has said they do not object for now (their
/// consent), and a number may only be called once screened against a list no more than 28 days old.
public enum TelephonePreference: String, Sendable, Hashable, Codable {
    /// No TPS list imported in the last 28 days: no number may be called for marketing on
    /// legitimate interests.
    case notScreened = "not_screened"
    /// A number of the person's is on the list.
    case registered
    /// Screened, and none of the person's numbers is on the list.
    case clear

    /// How long a screening stands: the TPS asks callers to screen at least every 28 days.
    public static let screeningLasts: Double = 28 * 86_400
}
