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

    init(_ request: Request) throws {
        purpose = Self.value(request, "Custos-Purpose")
        reason = Self.value(request, "Custos-Reason")
        if let ground = Self.value(request, "Custos-Restriction-Ground") {
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

    private static func value(_ request: Request, _ name: String) -> String? {
        guard let field = HTTPField.Name(name), let value = request.headers[field],
            !value.allSatisfy(\.isWhitespace)
        else { return nil }
        return String(value.prefix(500))
    }
}
