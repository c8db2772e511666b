/// The body of every API error.
struct ErrorDocument: Codable {
    var error: Detail

    struct Detail: Codable {
        /// Stable, for programs: `unauthorized`, `forbidden`, `not_found`, `bad_request`,
        /// `invalid_record`, `conflict`, `suppressed`, `payload_too_large`, `internal`.
        var code: String
        var message: String
        var problems: [Problem]?
    }

    struct Problem: Codable {
        var field: String
        var message: String
        var warning: Bool
    }
}
