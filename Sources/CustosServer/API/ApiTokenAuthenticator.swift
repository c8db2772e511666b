import CustosServices
import Hummingbird
import HummingbirdAuth

/// Accepts a live API token from the `Authorization: Bearer` header and makes the caller the
/// request's identity; refuses the request with 401 otherwise. Nothing under `/api/v1` (but its
/// OpenAPI document) answers without one.
struct ApiTokenAuthenticator: AuthenticatorMiddleware {
    typealias Context = AppRequestContext
    let tokens: AccessTokens
    let vaults: VaultCache

    func authenticate(request: Request, context: Context) async throws -> ApiCaller? {
        guard let bearer = request.headers.bearer, let token = try await tokens.authenticate(bearer.token),
            let vault = try await vaults.vault(workspaceID: token.workspaceID)
        else { throw ApiError.unauthorized }
        return ApiCaller(token: token, vault: vault)
    }
}
