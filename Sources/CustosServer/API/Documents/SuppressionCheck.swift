/// The body of `POST /api/v1/suppressions/check`.
struct SuppressionCheck: Codable {
    /// `email` or `phone`.
    var kind: String
    var value: String
}
