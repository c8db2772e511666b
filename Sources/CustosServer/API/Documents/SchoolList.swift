import Hummingbird

/// The body of `GET /api/v1/schools`.
struct SchoolList: ResponseCodable {
    var schools: [SchoolDocument]
}
