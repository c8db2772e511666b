import CustosCore
import Foundation
import Hummingbird
import HummingbirdAuth

/// The request context of every route: Hummingbird's core, and the API caller once a token is
/// accepted.
struct AppRequestContext: AuthRequestContext, RequestContext {
    var coreContext: CoreRequestContextStorage
    var identity: ApiCaller?
    /// The network address the request came from (no port), for the limits on attempts: the
    /// connection's peer, or the client a trusted proxy names (``ClientAddressMiddleware``).
    var clientAddress: String?

    init(source: Source) {
        coreContext = .init(source: source)
        identity = nil
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// API bodies are small: a record is a few kilobytes.
    var maxUploadSize: Int { 256 * 1024 }
}

extension AppRequestContext {
    /// The id in path parameter `name`; a malformed id is a 404, like an unknown one.
    func pathID(_ name: String, naming what: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUIDText.parse(text) else {
            throw ApiError.notFound("there is no \(what) with that id in this workspace")
        }
        return id
    }
}
