public import Foundation

/// The privacy-centre addresses that messages link to, each with its signed token: the one-click
/// unsubscribe, the preferences page, the open pixel, and the confirmation of a request or a registration. The server's routes are
/// these paths.
public struct PrivacyCentreLinks: Sendable {
    /// Where people reach the privacy centre, e.g. `https://privacy.example.org` (no trailing slash).
    public var publicURL: String
    public var workspaceName: String
    public var signer: LinkSigner

    public init(publicURL: String, workspaceName: String, signer: LinkSigner) {
        var base = publicURL
        while base.hasSuffix("/") { base.removeLast() }
        self.publicURL = base
        self.workspaceName = workspaceName
        self.signer = signer
    }

    /// The path of each link kind under `/privacy/{workspace}`.
    public static func path(of kind: LinkKind) -> String {
        switch kind {
        case .unsubscribe: "unsubscribe"
        case .preferences: "preferences"
        case .open: "opened.gif"
        case .requestConfirmation: "request/confirm"
        case .registrationConfirmation: "register/confirm"
        }
    }

    public func url(for claims: LinkClaims) -> String {
        let workspace = workspaceName.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? workspaceName
        return "\(publicURL)/privacy/\(workspace)/\(Self.path(of: claims.kind))?token=\(signer.token(for: claims))"
    }

    public func unsubscribe(subject: UUID, purpose: String, list: String?, message: UUID) -> String {
        url(for: LinkClaims(kind: .unsubscribe, subjectID: subject, purpose: purpose, list: list, messageID: message))
    }

    public func preferences(subject: UUID, expiresAt: Date) -> String {
        url(for: LinkClaims(kind: .preferences, subjectID: subject, expiresAt: expiresAt))
    }

    /// The link that confirms request `request` came from the owner of the address it was sent to.
    public func requestConfirmation(request: UUID, expiresAt: Date) -> String {
        url(for: LinkClaims(kind: .requestConfirmation, subjectID: nil, requestID: request, expiresAt: expiresAt))
    }

    /// The link that confirms registration `registration` came from the owner of the address it
    /// was sent to.
    public func registrationConfirmation(registration: UUID, expiresAt: Date) -> String {
        url(
            for: LinkClaims(
                kind: .registrationConfirmation, subjectID: nil, registrationID: registration, expiresAt: expiresAt))
    }

    public func openPixel(subject: UUID, message: UUID) -> String {
        url(for: LinkClaims(kind: .open, subjectID: subject, messageID: message))
    }
}
