/// The body of `POST /api/v1/school-calendar/terms`.
struct TermCreation: Codable {
    /// The term's first day, `YYYY-MM-DD`.
    var from: String
    /// The term's last day, `YYYY-MM-DD`.
    var to: String
}
