/// Why an address was put on the suppression list.
public enum SuppressionReason: String, PolicyKeyword {
    /// The person opted out of all marketing (an unsubscribe link, the preferences page, a call).
    case optOut = "opt_out"
    /// The person objected to direct marketing (UK GDPR Art 21(2)); absolute.
    case objection
    /// The person was erased; the address is kept only so they are never contacted again.
    case erasure
    /// Added by staff: a request never to be contacted, a complaint, a bounce.
    case manual
}
