public import CustosCore
public import Foundation

/// A request's state and due date after an event, and what it produced when it completed.
public struct RequestUpdate: Sendable, Equatable {
    public var requestID: UUID
    public var state: RequestState
    public var dueOn: CalendarDay?
    /// Stored when given; a stored outcome is never cleared.
    public var outcome: RequestOutcome?

    public init(requestID: UUID, state: RequestState, dueOn: CalendarDay?, outcome: RequestOutcome? = nil) {
        self.requestID = requestID
        self.state = state
        self.dueOn = dueOn
        self.outcome = outcome
    }
}
