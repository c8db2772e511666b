/// The body of `POST /api/v1/tasks/{task}/done`.
struct TaskCompletionBody: Codable {
    /// How it was done, or why it could not be.
    var note: String
    /// `YYYY-MM-DD`; today when left out.
    var day: String?
}
