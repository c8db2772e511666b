public import Foundation

/// Where website visitors' cookie choices are kept, written through a ``ChangeSet``.
public protocol CookieConsentStore: Sendable {
    /// A visitor's choices, oldest first.
    func cookieConsents(ofVisitor visitorID: UUID, in workspaceID: UUID) async throws -> [CookieConsentRecord]
}
