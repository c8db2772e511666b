public import CustosCore
public import Foundation

/// A complaint acknowledged or closed.
public struct ComplaintUpdate: Sendable, Equatable {
    public var complaintID: UUID
    /// Kept once set.
    public var acknowledgedOn: CalendarDay?
    public var closedOn: CalendarDay?
    /// The text again, sealed, with the outcome added.
    public var sealed: Data?

    public init(complaintID: UUID, acknowledgedOn: CalendarDay?, closedOn: CalendarDay? = nil, sealed: Data? = nil) {
        self.complaintID = complaintID
        self.acknowledgedOn = acknowledgedOn
        self.closedOn = closedOn
        self.sealed = sealed
    }
}
