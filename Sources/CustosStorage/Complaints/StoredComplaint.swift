public import CustosCore
public import Foundation

/// A complaint about how personal data was handled, as the register keeps it: when and how it
/// came, the 30-day clock to acknowledge it (DPA 2018 s 164A, in force from 19 June 2026), and
/// what came of it. What the person said and the outcome are sealed under a key of
/// the complaint's own; the rest holds no personal data.
public struct StoredComplaint: Sendable, Equatable {
    public var id: UUID
    public var receivedOn: CalendarDay
    public var channel: RequestChannel
    /// The person it is about, when known.
    public var subjectID: UUID?
    /// The request it arose from, if any.
    public var requestID: UUID?
    /// The breach it is about, if any.
    public var breachID: UUID?
    /// The last day to acknowledge it: 30 days from receipt, moved to a working day
    /// (``ComplaintClock``). For a complaint received before the duty began, the same day as
    /// good practice, with no statutory force (``isStatutory``).
    public var acknowledgeBy: CalendarDay
    public var acknowledgedOn: CalendarDay?
    public var closedOn: CalendarDay?
    /// The complaint's own key, sealed under the workspace's requesters key.
    public var key: Data
    /// ``ComplaintText`` as JSON, sealed under the complaint's key.
    public var sealed: Data
    public var recordedBy: String
    public var recordedAt: Date

    public init(
        id: UUID = UUID(), receivedOn: CalendarDay, channel: RequestChannel, subjectID: UUID?, requestID: UUID?,
        breachID: UUID? = nil, acknowledgeBy: CalendarDay, acknowledgedOn: CalendarDay? = nil,
        closedOn: CalendarDay? = nil, key: Data,
        sealed: Data, recordedBy: String, recordedAt: Date
    ) {
        self.id = id
        self.receivedOn = receivedOn
        self.channel = channel
        self.subjectID = subjectID
        self.requestID = requestID
        self.breachID = breachID
        self.acknowledgeBy = acknowledgeBy
        self.acknowledgedOn = acknowledgedOn
        self.closedOn = closedOn
        self.key = key
        self.sealed = sealed
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// Still to be answered.
    public var isOpen: Bool { closedOn == nil }

    /// Whether the statutory duty to acknowledge applies: the complaint came on or after the day
    /// it began (19 June 2026).
    public var isStatutory: Bool { receivedOn >= ComplaintClock.dutyBegan }

    /// Whether the acknowledgement is late by law on `today`: not yet acknowledged, and the
    /// statutory day has passed.
    public func acknowledgementOverdue(on today: CalendarDay) -> Bool {
        isStatutory && acknowledgedOn == nil && isOpen && today > acknowledgeBy
    }
}
