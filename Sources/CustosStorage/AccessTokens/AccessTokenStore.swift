public import Foundation

/// Where API tokens are kept. Tokens are added and revoked through a ``ChangeSet``, so the audit
/// entry is written with them.
public protocol AccessTokenStore: Sendable {
    /// The token with `id`, in whichever workspace it belongs to (authentication starts here).
    func accessToken(id: UUID) async throws -> StoredAccessToken?

    /// The workspace's tokens, revoked ones included, oldest first.
    func accessTokens(in workspaceID: UUID) async throws -> [StoredAccessToken]
}
