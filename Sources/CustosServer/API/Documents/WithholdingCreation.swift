/// The body of `POST /api/v1/requests/{request}/withholdings`.
struct WithholdingCreation: Codable {
    var record: String
    /// Fields of the person's part to hold back; the whole record when left out.
    var fields: [String]?
    /// One of the policy's `rights.withheld`, e.g. `serious_harm`.
    var exemption: String
    var reason: String
    /// `YYYY-MM-DD`; today when left out.
    var day: String?
}
