/// The body of `POST /api/v1/requests/{request}/objection`.
struct ObjectionAnswer: Codable {
    /// The purposes objected to.
    var purposes: [String]
    /// Compelling grounds to carry on, by purpose (the DPO only; never for direct marketing).
    var compellingGrounds: [String: String]?
    /// `YYYY-MM-DD`; today when left out.
    var day: String?
}
