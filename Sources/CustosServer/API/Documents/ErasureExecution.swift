/// The body of `POST /api/v1/requests/{request}/erasure`.
struct ErasureExecution: Codable {
    /// The ground of UK GDPR Art 17(1) relied on, e.g. `consent_withdrawn`.
    var ground: String
    /// Record types to erase although a public task could keep them.
    var eraseDespite: [String]?
    /// `YYYY-MM-DD`; today when left out.
    var day: String?
}
