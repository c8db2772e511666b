import HTTPTypes
import Hummingbird
import Logging

/// Logs one line per request: method, path, status and duration, with the request's id
/// (`hb.request.id`, which every log line of the request carries), and sends that id back as
/// `X-Request-Id` so that a person reporting a problem can quote it.
///
/// The query string is never logged: signed links (verification, preferences, unsubscribe) carry
/// their tokens there, and a search may carry a name or an email address.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    static var requestID: HTTPField.Name { HTTPField.Name("X-Request-Id")! }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        do {
            var response = try await next(request, context)
            response.headers[Self.requestID] = context.id
            log(request, context: context, status: response.status.code, since: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, context: context, status: status, since: start)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method)",
                "path": "\(request.uri.path)",
                "status": "\(status)",
                "ms": "\((milliseconds * 10).rounded() / 10)",
            ])
    }
}
