/// "May this person be contacted on `channel` for `purpose` (and `list`)?"
public struct ContactQuestion: Sendable, Hashable {
    /// A policy purpose id.
    public var purpose: String
    public var channel: MarketingChannel
    /// A list of the purpose; required when the purpose has lists.
    public var list: String?

    public init(purpose: String, channel: MarketingChannel, list: String? = nil) {
        self.purpose = purpose
        self.channel = channel
        self.list = list
    }
}
