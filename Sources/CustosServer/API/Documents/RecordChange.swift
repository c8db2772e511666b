/// The body of `PATCH /api/v1/records/{record}`: field name → new value, or `null` to clear it.
struct RecordChange: Codable {
    var values: [String: String?]
}
