import Hummingbird
import HummingbirdAuth

/// The request context of the console's routes: the parent's core (route parameters included),
/// the session, and the signed-in user once the session names a live one.
struct ConsoleRequestContext: ChildRequestContext, AuthRequestContext, SessionRequestContext {
    typealias ParentContext = AppRequestContext

    var coreContext: CoreRequestContextStorage
    var identity: ConsoleUser?
    let sessions = SessionContext<ConsoleSession>()
    /// The network address the request came from.
    let clientAddress: String?

    init(context: AppRequestContext) throws {
        // The whole core, not `.init(source:)`: that would drop the route's parameters.
        coreContext = context.coreContext
        identity = nil
        clientAddress = context.clientAddress
    }

    /// Console forms are small.
    var maxUploadSize: Int { 64 * 1024 }

    /// The signed-in user; the sign-in gate runs before every route that asks, so a missing one
    /// is a programming error reported as a 401.
    func user() throws -> ConsoleUser {
        try requireIdentity()
    }
}
