public import CustosCore

/// One line of a person's preferences: a marketing purpose, on one channel, for one of its lists
/// (nil when it has none), and whether they get it.
public struct PreferenceChoice: Sendable, Hashable, Codable {
    public var purpose: String
    public var list: String?
    public var channel: MarketingChannel
    public var subscribed: Bool

    public init(purpose: String, list: String?, channel: MarketingChannel, subscribed: Bool) {
        self.purpose = purpose
        self.list = list
        self.channel = channel
        self.subscribed = subscribed
    }
}
