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

extension ConsentLedger {
    /// Whether consent for `purpose` is in force anywhere: given for the purpose, or for one of
    /// its channels or lists, and not withdrawn since. A withdrawal without a channel or list
    /// withdraws every earlier consent of the purpose.
    public func inForce(purpose: String) -> Bool {
        latestActs(purpose: purpose).contains { $0.action == .given }
    }

    /// Whether consent for `purpose` was withdrawn and not given again since: every latest act for
    /// the purpose, by channel and list, is a withdrawal.
    public func withdrawn(purpose: String) -> Bool {
        let latest = latestActs(purpose: purpose)
        return !latest.isEmpty && latest.allSatisfy { $0.action == .withdrawn }
    }

    /// The latest act for `purpose` on each channel and list.
    private func latestActs(purpose: String) -> [ConsentEntry] {
        var latest: [String: ConsentEntry] = [:]
        for entry in entries.enumerated().sorted(by: {
            ($0.element.recordedAt, $0.offset) < ($1.element.recordedAt, $1.offset)
        })
        .map(\.element) where entry.purpose == purpose {
            if entry.channel == nil, entry.list == nil { latest.removeAll() }
            latest["\(entry.channel?.rawValue ?? "*")/\(entry.list ?? "*")"] = entry
        }
        return Array(latest.values)
    }
}
