import CustosCore
import Hummingbird

/// The body of `GET /api/v1/requests/{request}`: the request, its history, and how its due date
/// was worked out.
struct RequestDetail: ResponseCodable {
    struct Event: Codable {
        var action: String
        var day: String
        var actor: String
        var reason: String?
    }

    var request: RequestDocument
    var events: [Event]
    /// The steps that give the due date; empty while the clock is not running.
    var deadlineSteps: [String]
    /// Set when the due date falls in a year whose bank holidays are not known.
    var deadlineWarning: String?
}
