import CustosServices
import Foundation
import Hummingbird
import HummingbirdAuth

/// The user a console session names, if the session is signed in (both factors, where needed)
/// and still good: within its lifetime, of the user's current password (epoch), and the user not
/// disabled.
struct ConsoleAuthenticator: AuthenticatorMiddleware {
    typealias Context = ConsoleRequestContext

    let installation: Installation
    let vaults: VaultCache

    func authenticate(request: Request, context: Context) async throws -> ConsoleUser? {
        guard let session = context.sessions.session, session.stage == .signedIn, !session.hasExpired(at: Date()),
            let account = try await installation.staffUsers().account(id: session.userID),
            account.sessionEpoch == session.epoch,
            account.disabledAt == nil, let vault = try await vaults.vault(workspaceID: account.workspaceID)
        else { return nil }
        return try await ConsoleUser.signedIn(account, vault: vault)
    }
}
