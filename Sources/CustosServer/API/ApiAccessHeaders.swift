import CustosCore
import HTTPTypes
import Hummingbird

/// The purpose and reason a caller gives for using personal data, in the `Custos-Purpose` and
/// `Custos-Reason` headers (the audit log records both), and, to read data whose processing the
/// person restricted, the ground of UK GDPR Art 18(2) in `Custos-Restriction-Ground`.
struct ApiAccessHeaders {
    var purpose: String?
    var reason: String?
    var restrictedUseGround: RestrictedUseGround?

    /// The longest value each header takes, as the API's description gives it (in characters).
    static let maximumLength = 500

    init(_ request: Request) throws {
        purpose = try Self.value(request, "Custos-Purpose")
        reason = try Self.value(request, "Custos-Reason")
        if let ground = try Self.value(request, "Custos-Restriction-Ground") {
            guard let parsed = RestrictedUseGround(rawValue: ground) else {
                throw ApiError.badRequest(
                    "Custos-Restriction-Ground: one of \(RestrictedUseGround.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            guard reason != nil else {
                throw ApiError.invalid("Custos-Reason: a use of restricted data on a ground of Art 18(2) says why")
            }
            restrictedUseGround = parsed
        }
    }

    /// The header's value; `nil` when it is absent or blank, a bad request when it is too long
    /// (it is recorded in the audit log whole or not at all).
    private static func value(_ request: Request, _ name: String) throws -> String? {
        guard let field = HTTPField.Name(name), let value = request.headers[field],
            !value.allSatisfy(\.isWhitespace)
        else { return nil }
        guard value.unicodeScalars.count <= maximumLength else {
            throw ApiError.badRequest("\(name): at most \(maximumLength) characters")
        }
        return value
    }
}
