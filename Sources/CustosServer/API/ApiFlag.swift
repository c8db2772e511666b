/// Yes-or-no query parameters (`?all=true`): `true` or `false`, false when left out. Anything else
/// is a 400 naming the parameter, not a silent false.
enum ApiFlag {
    static func parse(_ text: Substring?, field: String) throws -> Bool {
        switch text {
        case nil, "false": false
        case "true": true
        default: throw ApiError.badRequest("\(field): not true or false")
        }
    }
}
