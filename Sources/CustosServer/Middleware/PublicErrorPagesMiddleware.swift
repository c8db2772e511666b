import Hummingbird
import Mustache

/// Answers people, not programs: an error on a public page (an address that names no page, a
/// privacy centre that is not there, a notice being updated) is an HTML page saying what happened
/// and where to go, never JSON or an empty body. The API (`/api`, which answers in JSON) and the
/// console (which has pages of its own) are left alone, as are scripts and data files.
struct PublicErrorPagesMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        let path = request.uri.path
        guard !Self.leftAlone(path) else { return try await next(request, context) }
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            return Self.page(status: error.status, message: error.body)
        }
    }

    /// Whether `path` answers programs, so its errors stay as they are.
    static func leftAlone(_ path: String) -> Bool {
        path == "/api" || path.hasPrefix("/api/") || path == "/console" || path.hasPrefix("/console/")
            || [".js", ".json", ".css", ".csv", ".md"].contains { path.hasSuffix($0) }
    }

    /// The page for `status`, with `message` when the error gave one.
    static func page(status: HTTPResponse.Status, message: String?) -> Response {
        let heading =
            switch status {
            case .notFound: "Page not found"
            case .serviceUnavailable: "Sorry, this page is not available just now"
            case .tooManyRequests: "Too many attempts"
            default: status.code < 500 ? "This page cannot be shown" : "Sorry, something went wrong"
            }
        let sentence =
            message
            ?? (status == .notFound
                ? "If you typed the address, check it is right. If you followed a link, it may be out of date."
                : "Please try again later.")
        let html = PageTemplates.library.render(
            PublicProblemPage(title: heading, heading: heading, message: sentence),
            withTemplate: PublicProblemPage.template)
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html ?? heading)))
    }
}

/// A public page's problem (`public-problem`): a heading and what to do, with no organisation's
/// frame, since the address may name none.
struct PublicProblemPage: Sendable {
    static let template = "public-problem"
    let title: String
    let heading: String
    let message: String
}
