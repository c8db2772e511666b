public import CustosCore
public import Foundation

/// One entry of the consent ledger as audiences read it: what was given or withdrawn, for which
/// channel and list; without the wording, source, recorder or time. Audiences read a subject's
/// acts in the ledger's order (by time, then place in the ledger), so the order says which act
/// is later.
public struct ConsentAct: Sendable, Equatable {
    public var id: UUID
    public var subjectID: UUID
    public var channel: MarketingChannel?
    public var list: String?
    public var action: ConsentAction

    public init(id: UUID, subjectID: UUID, channel: MarketingChannel?, list: String?, action: ConsentAction) {
        self.id = id
        self.subjectID = subjectID
        self.channel = channel
        self.list = list
        self.action = action
    }

    /// The acts of one subject, oldest first, as their ledger for `purpose`. Every entry is given
    /// the same time, so the ledger takes the later in the list as the later act.
    public static func ledger(_ acts: some Collection<ConsentAct>, purpose: String) -> ConsentLedger {
        ConsentLedger(
            acts.map {
                ConsentEntry(
                    id: $0.id, subjectID: $0.subjectID, purpose: purpose, channel: $0.channel, list: $0.list,
                    action: $0.action, wording: nil, policyVersion: 0, source: .import, recordedBy: "",
                    recordedAt: sameTime)
            })
    }

    private static let sameTime = Date(timeIntervalSince1970: 0)
}
