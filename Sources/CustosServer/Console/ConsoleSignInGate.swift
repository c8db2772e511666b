import Foundation
import Hummingbird

/// Sends a request without a signed-in user to the sign-in page, remembering where it was going,
/// or, half signed in, to the step still missing; a session whose user has since been disabled or
/// given a new password is cleared.
struct ConsoleSignInGate: RouterMiddleware {
    typealias Context = ConsoleRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard context.identity == nil else { return try await next(request, context) }
        switch context.sessions.session?.stage {
        // Half signed in: back to the step that is missing.
        case .awaitingCode: return SignInController.redirect("/console/sign-in/code")
        case .mustEnrol: return SignInController.redirect("/console/sign-in/enrol")
        // A session whose user has since been disabled or given a new password.
        case .signedIn: context.sessions.clearSession()
        case nil: break
        }
        var location = "/console/sign-in"
        if request.method == .get, request.uri.path != "/console" {
            location += SignInController.query(next: request.uri.path)
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
