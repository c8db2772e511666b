/// The body of `POST /api/v1/subjects/search`. A POST, not a query string, so that the
/// identifier (personal data) stays out of URLs and the logs that keep them.
struct IdentifierSearch: Codable {
    /// `email`, `phone`, `upn`, `uln`, or an identifier field's name (e.g. `staff_number`).
    var kind: String
    var value: String
}
