import CustosCore
import CustosServices
import Hummingbird
import Logging
import NIOCore

/// Turns every failure under `/api/v1` into an ``ApiError``: the services' errors by their code,
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
        } catch let error as any CustosError {
            let answer = Self.apiError(error)
            if answer.status.code >= 500 {
                context.logger.error("API request failed", metadata: ["error.code": "\(error.errorCode)"])
            }
            throw answer
        } catch let error as HTTPError {
            throw Self.apiError(error)
        } catch let error as NIOTooManyBytesError {
            // A body over the limit, from the body reader itself.
            throw Self.apiError(HTTPError(error.status, message: "the body is larger than this route takes"))
        } catch {
            context.logger.error("API request failed", metadata: ["error.type": "\(type(of: error))"])
            throw ApiError(
                status: .internalServerError, code: "internal", message: "something went wrong; it was logged")
        }
    }

    /// A service's error, under its own code, with the status its code answers.
    static func apiError(_ error: any CustosError) -> ApiError {
        ApiError(
            status: status(for: error.errorCode), code: error.errorCode.rawValue, message: error.message,
            problems: (error as? VaultError)?.problems ?? [])
    }

    /// The one mapping of the services' error codes to HTTP statuses. A request that is not the
    /// shape the API's description gives (a purpose missing included) is a bad request; one that is,
    /// but breaks a rule of the law or of this workspace's policy that one description for every
    /// workspace cannot state (a purpose the policy lacks, a day in the future), is unprocessable; a
    /// use the policy or the person's standing does not allow is forbidden; a step that clashes with
    /// what is stored, or taken before identity, is a conflict.
    static func status(for code: ErrorCode) -> HTTPResponse.Status {
        switch code {
        case .badRequest, .purposeRequired: .badRequest
        case .invalid, .invalidRecord, .unknownPurpose, .refused: .unprocessableContent
        case .notFound: .notFound
        case .conflict, .identityNotVerified: .conflict
        case .purposeNotAllowed, .consentMissing, .restricted, .objected, .powerNotHeld: .forbidden
        case .storeUnavailable, .keysUnavailable: .serviceUnavailable
        default: .internalServerError
        }
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
