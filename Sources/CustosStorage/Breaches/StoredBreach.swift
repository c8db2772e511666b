public import CustosCore
public import Foundation

/// A personal data breach as the register keeps it (UK GDPR Art 33(5): every breach, reported or
/// not): when it was discovered, which starts the 72-hour clock to tell the ICO; its facts and
/// decisions (``BreachFacts``); and what people wrote about it, sealed under a key of its own.
public struct StoredBreach: Sendable, Equatable {
    public var id: UUID
    /// When the organisation became aware of it.
    public var discoveredAt: Date
    public var facts: BreachFacts
    public var closedOn: CalendarDay?
    /// The breach's own key, sealed under the workspace's requesters key.
    public var key: Data
    /// ``BreachText`` as JSON, sealed under the breach's key.
    public var sealed: Data
    public var recordedBy: String
    public var recordedAt: Date

    public init(
        id: UUID = UUID(), discoveredAt: Date, facts: BreachFacts, closedOn: CalendarDay? = nil, key: Data,
        sealed: Data, recordedBy: String, recordedAt: Date
    ) {
        self.id = id
        self.discoveredAt = discoveredAt
        self.facts = facts
        self.closedOn = closedOn
        self.key = key
        self.sealed = sealed
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// The end of the 72 hours from discovery within which the ICO is to be told (Art 33(1)).
    public var reportDeadline: Date { discoveredAt.addingTimeInterval(72 * 3600) }

    /// Whether the ICO clock still runs: a breach that may need reporting, neither reported nor
    /// decided against.
    public var clockRunning: Bool {
        closedOn == nil && facts.reportedAt == nil && !facts.notReported
    }
}
