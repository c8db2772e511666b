/// How a purpose markets to people.
public struct MarketingSettings: Sendable, Equatable, Decodable {
    public var channels: [MarketingChannel]
    public var subscriber: SubscriberKind
    /// The soft opt-in, when marketing by electronic mail without consent.
    public var softOptIn: SoftOptIn?
    public var lists: [MailingList]
    /// Whether receipt and opens of emails are tracked (only where the notice says so).
    public var tracking: Bool
    /// Whether messages carry offers from third parties.
    public var thirdPartyOffers: Bool

    /// Whether any channel is electronic mail (email or SMS).
    public var usesElectronicMail: Bool { channels.contains { $0.isElectronicMail } }
}
