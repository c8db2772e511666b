/// The body of `POST /api/v1/legal-holds`: a person, a record type, or both.
struct LegalHoldCreation: Codable {
    var subject: String?
    var recordType: String?
    /// The claim or matter it is for.
    var reason: String
    /// `YYYY-MM-DD`; today when left out.
    var day: String?
    /// The last day it stands, when known.
    var until: String?
}
