/// The body of `POST /api/v1/requests/{request}/subject`: the person the request is about.
struct RequestTie: Codable {
    var subject: String
}
