import CustosServices
import Hummingbird

/// Serves each request inside the store's request scope (``CustosStore/withRequestReads(_:)``):
/// the store asks once per request, not once per read, whether its cached reads still hold.
struct RequestReadsMiddleware<Context: RequestContext>: RouterMiddleware {
    let installation: Installation

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        try await installation.withRequestReads { try await next(request, context) }
    }
}
