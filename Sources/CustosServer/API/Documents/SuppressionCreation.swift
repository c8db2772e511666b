/// The body of `POST /api/v1/suppressions`. A POST, so the address stays out of URLs and logs.
struct SuppressionCreation: Codable {
    /// `email` or `phone`.
    var kind: String
    var value: String
    /// `all` (the default) or `marketing`.
    var scope: String?
    /// `manual` (the default), `opt_out`, `objection` or `erasure`.
    var reason: String?
}
