/// A person's consent entries, oldest first, and the state they add up to.
public struct ConsentLedger: Sendable {
    /// Oldest first; of two entries at the same time, the later in the list is the later act.
    public let entries: [ConsentEntry]

    public init(_ entries: [ConsentEntry]) {
        self.entries = entries
    }

    /// The entry in force for `purpose` on `channel` for `list`: the latest that covers it, or
    /// `nil` when the person never said.
    public func current(purpose: String, channel: MarketingChannel, list: String?) -> ConsentEntry? {
        var latest: ConsentEntry?
        for entry in entries where entry.covers(purpose: purpose, channel: channel, list: list) {
            if let found = latest, found.recordedAt > entry.recordedAt { continue }
            latest = entry
        }
        return latest
    }
}
