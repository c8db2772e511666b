/// The body of `POST /api/v1/schools`.
struct SchoolCreation: Codable {
    var name: String
    var urn: String?
    var laCode: String?
}
