/// The body of `POST /api/v1/requests/{request}/rectification`.
struct RectificationExecution: Codable {
    /// The record corrected.
    var record: String
    /// The corrected values by field; null clears one.
    var changes: [String: String?]
    /// `YYYY-MM-DD`; today when left out.
    var day: String?
}
