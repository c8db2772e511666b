public import CustosCore
public import Foundation

/// A legal hold lifted: from `on`, what it covered may be erased again.
public struct LegalHoldRelease: Sendable, Equatable {
    public var holdID: UUID
    public var on: CalendarDay
    public var by: String

    public init(holdID: UUID, on day: CalendarDay, by actor: String) {
        self.holdID = holdID
        self.on = day
        self.by = actor
    }
}
