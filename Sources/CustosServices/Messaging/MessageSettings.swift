public import CustosCore
public import Foundation

/// How a workspace's messages are addressed and linked.
public struct MessageSettings: Sendable {
    /// The sender (From, and the SMTP envelope sender).
    public var from: MailAddress
    /// Where people reach the privacy centre, e.g. `https://privacy.example.org`: the unsubscribe,
    /// preferences and open-pixel links start with it.
    public var publicURL: String
    /// How long a preferences link in a message works.
    public var preferencesLinkLifetime: TimeInterval

    public init(from: MailAddress, publicURL: String, preferencesLinkLifetime: TimeInterval = 30 * 86_400) {
        self.from = from
        self.publicURL = publicURL
        self.preferencesLinkLifetime = preferencesLinkLifetime
    }
}
