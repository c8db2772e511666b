/// The body of `POST /api/v1/requests/{request}/events`: one step on a request.
struct RequestEventCreation: Codable {
    /// `verified`, `fee_received`, `clarification_asked`, `clarification_received`, `extended`,
    /// `submitted_for_approval`, `approved`, `refused` or `completed`.
    var action: String
    /// `YYYY-MM-DD`; today when left out.
    var day: String?
    /// Required to extend, approve or refuse.
    var reason: String?
}
