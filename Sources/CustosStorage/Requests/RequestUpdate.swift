public import CustosCore
public import Foundation

/// A request's state and due date after an event, the person it turned out to be about, and
/// what it produced when it completed.
public struct RequestUpdate: Sendable, Equatable {
    public var requestID: UUID
    /// Stored when given (the request is tied to a person); a stored person is never cleared.
    public var subjectID: UUID?
    public var state: RequestState
    public var dueOn: CalendarDay?
    /// Stored when given; a stored outcome is never cleared.
    public var outcome: RequestOutcome?

    public init(
        requestID: UUID, state: RequestState, dueOn: CalendarDay?, outcome: RequestOutcome? = nil,
        subjectID: UUID? = nil
    ) {
        self.requestID = requestID
        self.subjectID = subjectID
        self.state = state
        self.dueOn = dueOn
        self.outcome = outcome
    }
}
