public import CustosCore
public import Foundation

/// A website visitor's answer to the cookie banner. The visitor is a random id their browser
/// keeps, nothing that names them.
public struct CookieConsentRecord: Sendable, Hashable {
    public var id: UUID
    /// The random id the banner keeps in the visitor's consent cookie.
    public var visitorID: UUID
    /// The categories consented to; every other category that asks was declined.
    public var accepted: [CookieCategory]
    /// The ``CookieRegister/fingerprint`` of the list the visitor was shown.
    public var registerFingerprint: String
    /// The policy version in force.
    public var policyVersion: Int
    public var recordedAt: Date

    public init(
        id: UUID = UUID(), visitorID: UUID, accepted: [CookieCategory], registerFingerprint: String,
        policyVersion: Int, recordedAt: Date
    ) {
        self.id = id
        self.visitorID = visitorID
        self.accepted = accepted
        self.registerFingerprint = registerFingerprint
        self.policyVersion = policyVersion
        self.recordedAt = recordedAt
    }
}
