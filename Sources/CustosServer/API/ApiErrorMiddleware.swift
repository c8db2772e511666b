import CustosCore
import CustosServices
import Hummingbird
import Logging

/// Turns every failure under `/api/v1` into an ``ApiError``: the vault's refusals by kind,
/// Hummingbird's own (bad JSON, no such route, body too large) by status, and anything else into
/// `internal` with nothing of its message (it is logged by type only).
struct ApiErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ApiError {
            throw error
        } catch let error as VaultError {
            throw Self.apiError(error)
        } catch let error as UseRefusal {
            throw Self.apiError(error)
        } catch let error as HTTPError {
            throw Self.apiError(error)
        } catch {
            context.logger.error("API request failed", metadata: ["error.type": "\(type(of: error))"])
            throw ApiError(
                status: .internalServerError, code: "internal", message: "something went wrong; it was logged")
        }
    }

    static func apiError(_ error: VaultError) -> ApiError {
        switch error.kind {
        case .invalid where !error.problems.isEmpty:
            ApiError(
                status: .unprocessableContent, code: "invalid_record", message: error.message, problems: error.problems)
        case .invalid: .badRequest(error.message)
        case .notFound: .notFound(error.message)
        case .conflict: ApiError(status: .conflict, code: "conflict", message: error.message)
        case .refused: ApiError(status: .unprocessableContent, code: "refused", message: error.message)
        }
    }

    /// The door's refusals: a purpose missing or unknown is a bad request; a use the policy or
    /// the person's standing does not allow is forbidden; a step taken before identity is a conflict.
    static func apiError(_ refusal: UseRefusal) -> ApiError {
        let status: HTTPResponse.Status =
            switch refusal.code {
            case .purposeRequired, .unknownPurpose: .badRequest
            case .identityNotVerified: .conflict
            default: .forbidden
            }
        return ApiError(status: status, code: refusal.code.description, message: refusal.message)
    }

    static func apiError(_ error: HTTPError) -> ApiError {
        let message = error.body ?? error.status.reasonPhrase
        return switch error.status {
        case .notFound: .notFound("no such route")
        case .methodNotAllowed: ApiError(status: .methodNotAllowed, code: "method_not_allowed", message: message)
        case .contentTooLarge: ApiError(status: .contentTooLarge, code: "payload_too_large", message: message)
        case .unauthorized: .unauthorized
        default:
            error.status.code < 500
                ? ApiError(status: error.status, code: "bad_request", message: message)
                : ApiError(status: error.status, code: "internal", message: "something went wrong; it was logged")
        }
    }
}
