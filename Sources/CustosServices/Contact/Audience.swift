public import CustosCore

/// The people who may be contacted for a purpose on a channel, with their addresses: what goes to
/// a mailing tool. Made by ``Contacts/audience(_:actor:reason:at:)``, which audits it.
public struct Audience: Sendable {
    public var question: ContactQuestion
    /// In the order the store keeps people: the order they were added.
    public var members: [AudienceMember]
    /// How many were left out, by reason.
    public var denied: [ContactReason: Int]
    /// People the purpose concerns who have no address for the channel.
    public var withoutAddress: Int
}

/// What an audience export handed on: how many people, and who was left out and why.
public struct AudienceSummary: Sendable {
    /// The people handed on, each with an address.
    public var count: Int
    /// How many were left out, by reason.
    public var denied: [ContactReason: Int]
    /// People the purpose concerns who have no address for the channel.
    public var withoutAddress: Int
}
