/// The body of `POST /api/v1/requests`: a request taken in by staff.
struct RequestCreation: Codable {
    /// `access`, `rectification`, `erasure`, `restriction`, `objection`, `portability`,
    /// `automated_decision_review`, `consent_withdrawal` or `educational_record`.
    var kind: String
    /// The person the request is about, when known.
    var subject: String?
    /// `web`, `email`, `phone`, `letter` or `in_person`.
    var channel: String
    /// `YYYY-MM-DD`; today when left out.
    var received: String?
    /// Staff already know the requester: the clock starts on receipt.
    var identityShown: Bool?
    /// A fee may lawfully be charged and is awaited before the clock starts.
    var awaitsFee: Bool?
    /// Made on someone's behalf: the requester's relationship to them.
    var onBehalfAs: String?
    /// With `onBehalfAs`: the decision on the person's competence.
    var competence: String?
}
