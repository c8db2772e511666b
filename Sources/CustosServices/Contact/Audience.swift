public import CustosCore

/// The people who may be contacted for a purpose on a channel, with their addresses: what goes to
/// a mailing tool. Made by ``Contacts/audience(_:actor:reason:at:)``, which audits it.
public struct Audience: Sendable {
    public var question: ContactQuestion
    /// In a stable order (by address).
    public var members: [AudienceMember]
    /// How many were left out, by reason.
    public var denied: [ContactReason: Int]
    /// People the purpose concerns who have no address for the channel.
    public var withoutAddress: Int
}
