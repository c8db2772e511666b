/// The body of `POST /api/v1/subjects/{subject}/opt-out`.
struct OptOutRequest: Codable {
    /// How the opt-out reached the organisation.
    var source: String
}
