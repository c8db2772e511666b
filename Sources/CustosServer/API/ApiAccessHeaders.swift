import HTTPTypes
import Hummingbird

/// The purpose and reason a caller gives for reading personal data, in the `Custos-Purpose` and
/// `Custos-Reason` headers; the audit log records both.
struct ApiAccessHeaders {
    var purpose: String?
    var reason: String?

    init(_ request: Request) {
        purpose = Self.value(request, "Custos-Purpose")
        reason = Self.value(request, "Custos-Reason")
    }

    private static func value(_ request: Request, _ name: String) -> String? {
        guard let field = HTTPField.Name(name), let value = request.headers[field],
            !value.allSatisfy(\.isWhitespace)
        else { return nil }
        return String(value.prefix(500))
    }
}
