public import Foundation

/// One entry of the consent ledger: a consent given or withdrawn. Entries are never rewritten;
/// the current state is derived from them (``ConsentLedger``).
public struct ConsentEntry: Sendable, Hashable, Codable {
    public var id: UUID
    public var subjectID: UUID
    /// The policy purpose consented to.
    public var purpose: String
    /// The channel, or `nil` for every channel of the purpose.
    public var channel: MarketingChannel?
    /// The list, or `nil` for every list of the purpose.
    public var list: String?
    public var action: ConsentAction
    /// The words shown when the consent was asked for (or the withdrawal offered).
    public var wording: String?
    /// The number of the policy version in force.
    public var policyVersion: Int
    public var source: ConsentSource
    /// Who recorded it: a staff member, a token, or `subject` when the person did it themselves.
    public var recordedBy: String
    public var recordedAt: Date

    public init(
        id: UUID = UUID(), subjectID: UUID, purpose: String, channel: MarketingChannel?, list: String?,
        action: ConsentAction, wording: String?, policyVersion: Int, source: ConsentSource, recordedBy: String,
        recordedAt: Date
    ) {
        self.id = id
        self.subjectID = subjectID
        self.purpose = purpose
        self.channel = channel
        self.list = list
        self.action = action
        self.wording = wording
        self.policyVersion = policyVersion
        self.source = source
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// Whether this entry speaks to `purpose` on `channel` for `list` (an entry without a channel
    /// or list speaks to all of them).
    public func covers(purpose: String, channel: MarketingChannel, list: String?) -> Bool {
        self.purpose == purpose && (self.channel == nil || self.channel == channel)
            && (self.list == nil || self.list == list)
    }
}
