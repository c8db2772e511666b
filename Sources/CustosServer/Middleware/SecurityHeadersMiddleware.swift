import HTTPTypes
import Hummingbird

/// Puts the security headers on every response, error pages included: a content security policy
/// (nothing from elsewhere, no framing), `nosniff`, and a referrer policy that sends no address on
/// (links in messages carry signed tokens in their query strings). An error that is not already a
/// page becomes one here, so that a refusal from outside the routes (a body over the limit, no
/// such route) still answers with its status, a short page and the headers.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var headers: HTTPFields {
        [
            .contentSecurityPolicy:
                "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'",
            .xContentTypeOptions: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "no-referrer",
        ]
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
            if Self.isEmpty(response) { response = Self.page(for: error.status) }
        } catch {
            context.logger.error("request failed", metadata: ["error.type": "\(type(of: error))"])
            response = Self.page(for: .internalServerError)
        }
        for field in Self.headers where response.headers[field.name] == nil {
            response.headers.append(field)
        }
        return response
    }

    private static func isEmpty(_ response: Response) -> Bool {
        response.headers[.contentLength] == "0" || response.headers[.contentType] == nil
    }

    /// A short page for a refusal that came without one, saying `message` (or what the status means).
    static func page(for status: HTTPResponse.Status, message: String? = nil) -> Response {
        let message = message ?? Self.meaning(of: status)
        let title = status.reasonPhrase
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) – Custos</title></head>
            <body><main><h1>\(title)</h1><p>\(message)</p></main></body>
            </html>

            """
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// What a refusal with `status` means, for people.
    private static func meaning(of status: HTTPResponse.Status) -> String {
        switch status {
        case .contentTooLarge: "What was sent is larger than this page takes. Send less, or a smaller file."
        case .notFound: "There is no page at this address. Check the address, or go back to the last page."
        case .methodNotAllowed: "This address does not take that kind of request."
        case .tooManyRequests: "There have been too many attempts. Wait a few minutes and try again."
        default:
            status.code >= 500
                ? "Something went wrong on our side; it was logged. Try again later."
                : "The request could not be taken."
        }
    }
}
