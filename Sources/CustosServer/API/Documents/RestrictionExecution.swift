/// The body of `POST /api/v1/requests/{request}/restriction`.
struct RestrictionExecution: Codable {
    /// The ground of UK GDPR Art 18(1), e.g. `accuracy_contested`.
    var ground: String
    /// The purposes restricted; every purpose when left out.
    var purposes: [String]?
    /// `YYYY-MM-DD`; today when left out.
    var day: String?
}
