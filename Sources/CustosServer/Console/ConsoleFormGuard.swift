import CustosServices
import HTTPTypes
import Hummingbird

/// Cross-site request forgery defence for every console form.
///
/// Any request that changes something (not GET or HEAD) must come from the console's own pages:
/// a browser's `Sec-Fetch-Site`, when sent, must say `same-origin`; without it, the `Origin`,
/// when sent, must be this server. Once signed in, the form must also carry the session's form token.
/// (The session cookie is also `SameSite=Strict`.)
struct ConsoleFormGuard: RouterMiddleware {
    typealias Context = ConsoleRequestContext

    /// Whether the session's form token is required (every route but signing in).
    let requiresToken: Bool
    let pages: ConsolePages

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        // A browser's fetch metadata cannot be forged by a page; where it is sent, it decides.
        // Otherwise the origin, when sent, must be this server ("null", from a sandboxed or
        // privacy-minded context, cannot be told apart from another site, so it is refused).
        if let site = request.headers[Self.fetchSite] {
            guard site == "same-origin" else { return refusal(context) }
        } else if let origin = request.headers[.origin] {
            guard let host = request.head.authority, origin == "http://\(host)" || origin == "https://\(host)" else {
                return refusal(context)
            }
        }
        guard requiresToken else { return try await next(request, context) }
        var request = request
        // Collected once here; the page reads the same buffered body after. A form that sends a
        // file (an import) may be larger, and carries its token as one of its parts.
        let contentType = request.headers[.contentType]
        let multipart = MultipartForm.boundary(of: contentType) != nil
        let buffer = try await request.collectBody(
            upTo: multipart ? ConsoleImports.maxFileSize + 64 * 1024 : context.maxUploadSize)
        let sent =
            multipart
            ? MultipartForm.parts(of: buffer, contentType: contentType).flatMap { MultipartForm.value("csrf", in: $0) }
            : FormBody(String(buffer: buffer)).value("csrf")
        guard let expected = context.sessions.session?.formToken, let sent, FormToken.matches(sent, expected)
        else { return refusal(context) }
        return try await next(request, context)
    }

    private static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!

    /// A page saying the form was refused, and what to do.
    private func refusal(_ context: Context) -> Response {
        pages.problem(
            title: "Form refused", heading: "This form could not be accepted",
            message:
                "It did not come from this console's own page, or the page had been open since before you signed in. Go back, reload the page and try again.",
            user: nil, context: context, status: .forbidden)
    }
}
