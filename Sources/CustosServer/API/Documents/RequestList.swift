import Hummingbird

/// The body of `GET /api/v1/requests`: soonest due first.
struct RequestList: ResponseCodable {
    var requests: [RequestDocument]
}
