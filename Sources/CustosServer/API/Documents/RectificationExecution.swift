/// The body of `POST /api/v1/requests/{request}/rectification`.
struct RectificationExecution: Codable {
    /// The record corrected.
    var record: String
    /// The corrected values by field; null clears one.
    var changes: [String: String?]?
    /// To refuse the correction instead: the reasons.
    var refuse: String?
    /// With `refuse`: the person's statement, attached to the record.
    var statement: String?
    /// `YYYY-MM-DD`; today when left out.
    var day: String?
}
