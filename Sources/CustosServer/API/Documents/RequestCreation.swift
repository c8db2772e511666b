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
    /// The ground a fee is charged on, awaited before the clock starts:
    /// `manifestly_unfounded_or_excessive` or `further_copies`, where the policy's `rights.fees`
    /// lists it. Requests are free otherwise.
    var feeGround: String?
    /// Older clients' flag: `true` without `feeGround` is refused, since a fee needs its ground.
    var awaitsFee: Bool?
    /// Made on someone's behalf: the requester's relationship to them.
    var onBehalfAs: String?
    /// With `onBehalfAs`: the decision on the person's competence.
    var competence: String?
}
