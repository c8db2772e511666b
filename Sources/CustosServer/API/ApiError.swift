import CustosCore
import Foundation
import Hummingbird

/// An API failure as the caller sees it: an HTTP status and a JSON body with a stable `code` to
/// branch on and a `message` for people. Messages name fields, ids and rules, never personal data.
struct ApiError: Error, HTTPResponseError {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    /// A record's field problems, for `invalid_record`.
    var problems: [FieldProblem] = []
    /// The methods a path takes, sent as `Allow` with a 405.
    var allowedMethods: [HTTPRequest.Method] = []

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = ErrorDocument(
            error: .init(
                code: code, message: message,
                problems: problems.isEmpty
                    ? nil
                    : problems.map { .init(field: $0.field, message: $0.message, warning: $0.isWarning) }))
        var response = try JSONEncoder().encode(body, from: request, context: context)
        response.status = status
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        if !allowedMethods.isEmpty { response.headers[.allow] = allowedMethods.map(\.rawValue).joined(separator: ", ") }
        return response
    }

    /// The codes the API gives of its own, beside the services' (``ErrorCode/all``).
    static let ownCodes = [
        "unauthorized", "forbidden", "method_not_allowed", "payload_too_large", "suppressed", "internal",
    ]

    static let unauthorized = ApiError(
        status: .unauthorized, code: "unauthorized",
        message: "send a live API token as 'Authorization: Bearer custos_...'")

    static func forbidden(_ message: String) -> ApiError {
        ApiError(status: .forbidden, code: "forbidden", message: message)
    }

    static func notFound(_ message: String) -> ApiError {
        ApiError(status: .notFound, code: "not_found", message: message)
    }

    /// A request that is not the shape the API's description gives.
    static func badRequest(_ message: String) -> ApiError {
        ApiError(status: .badRequest, code: ErrorCode.badRequest.rawValue, message: message)
    }

    /// A request of the right shape that breaks a rule the description cannot state, or names what
    /// this workspace does not have (as ``ErrorCode/invalid``).
    static func invalid(_ message: String) -> ApiError {
        ApiError(status: .unprocessableContent, code: ErrorCode.invalid.rawValue, message: message)
    }
}
