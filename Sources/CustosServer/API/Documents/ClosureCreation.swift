/// The body of `POST /api/v1/school-calendar/closures`.
struct ClosureCreation: Codable {
    /// A day in a term when the school is closed to pupils, `YYYY-MM-DD`.
    var day: String
}
