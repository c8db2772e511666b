import CustosCore

/// Reads one of the policy's closed words from a request body, or a 400 naming the field and
/// the words allowed.
enum ApiKeyword {
    static func parse<Keyword: RawRepresentable & CaseIterable>(
        _ text: String, field: String, as type: Keyword.Type = Keyword.self
    )
        throws -> Keyword where Keyword.RawValue == String
    {
        guard let value = Keyword(rawValue: text) else {
            let allowed = Keyword.allCases.map(\.rawValue).joined(separator: ", ")
            throw ApiError.badRequest("\(field): must be one of \(allowed)")
        }
        return value
    }
}
