import HTTPTypes
import Hummingbird

/// Cross-site request forgery defence for every console form.
///
/// Any request that changes something (not GET or HEAD) must come from the console's own pages:
/// a browser's `Sec-Fetch-Site`, when sent, must say `same-origin`, and its `Origin`, when sent,
/// must be this server. Once signed in, the form must also carry the session's form token.
/// (The session cookie is also `SameSite=Strict`.)
struct ConsoleFormGuard: RouterMiddleware {
    typealias Context = ConsoleRequestContext

    /// Whether the session's form token is required (every route but signing in).
    let requiresToken: Bool

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        if let site = request.headers[Self.fetchSite], site != "same-origin" { throw Self.refusal }
        if let origin = request.headers[.origin] {
            guard let host = request.head.authority, origin == "http://\(host)" || origin == "https://\(host)" else {
                throw Self.refusal
            }
        }
        guard requiresToken else { return try await next(request, context) }
        var request = request
        // Collected once here; the page reads the same buffered body after.
        let body = FormBody(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
        guard let expected = context.sessions.session?.formToken, let sent = body.value("csrf"),
            FormToken.matches(sent, expected)
        else { throw Self.refusal }
        return try await next(request, context)
    }

    private static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!

    private static let refusal = HTTPError(
        .forbidden, message: "This form did not come from this console's own page. Go back, reload it and try again.")
}
