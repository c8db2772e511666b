import Foundation
import Hummingbird

/// Sends a request without a signed-in user to the sign-in page, remembering where it was going;
/// a session whose user has since been disabled or given a new password is cleared.
struct ConsoleSignInGate: RouterMiddleware {
    typealias Context = ConsoleRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard context.identity == nil else { return try await next(request, context) }
        if context.sessions.session != nil { context.sessions.clearSession() }
        var location = "/console/sign-in"
        if request.method == .get, request.uri.path != "/console" {
            location += "?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }
        return Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// `next` if it is a console page to return to after signing in, else nil: never another site.
    static func safeReturn(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/console"), !next.hasPrefix("//"), !next.contains("\\"),
            !next.contains(":"), next.count < 300
        else { return nil }
        return next
    }
}
