import HTTPTypes
import Hummingbird

/// Answers a method the API does not offer on one of its paths (`TRACE /api/v1/schools`,
/// `PUT /api/v1/subjects/ID`) with `405 Method Not Allowed` and an `Allow` header listing the
/// methods it does, as RFC 9110 asks, instead of the router's 404. The paths and their methods are
/// read from the OpenAPI document, which a test holds equal to the router's routes. A path the
/// API does not have is a JSON 404, whatever the method.
struct ApiMethodsMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Where the API is mounted.
    static var prefix: String { "/api/v1" }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        guard path.hasPrefix(Self.prefix + "/") else { return try await next(request, context) }
        let segments = path.dropFirst(Self.prefix.count).split(separator: "/")
        guard let documented = OpenAPIDocument.paths.first(where: { $0.matches(segments) }) else {
            do {
                return try await next(request, context)
            } catch let error as HTTPError where error.status == .notFound {
                throw ApiError.notFound("no such route")
            }
        }
        guard !documented.methods.contains(request.method) else { return try await next(request, context) }
        var error = ApiError(
            status: .methodNotAllowed, code: "method_not_allowed",
            message: "this route takes " + documented.methods.map(\.rawValue).joined(separator: ", "))
        error.allowedMethods = documented.methods
        throw error
    }
}
