import Foundation
import HTTPTypes
import Hummingbird

/// Works out the address a request came from, for the limits on attempts: the connection's peer,
/// unless that is a trusted proxy (``ServerConfiguration/trustedProxies``), when the last address
/// in `X-Forwarded-For` that is not itself a trusted proxy. A header from anyone else is ignored,
/// since a client can write any address in it.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let trusted: TrustedProxies

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let chain = request.headers[values: Self.forwardedFor]
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard let peer = context.clientAddress, trusted.contains(peer), let first = chain.first else {
            return try await next(request, context)
        }
        var context = context
        context.clientAddress = chain.last { !trusted.contains($0) } ?? first
        return try await next(request, context)
    }

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
}
