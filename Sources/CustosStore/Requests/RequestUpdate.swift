public import CustosCore
public import Foundation

/// A request's state and due date after an event.
public struct RequestUpdate: Sendable, Equatable {
    public var requestID: UUID
    public var state: RequestState
    public var dueOn: CalendarDay?

    public init(requestID: UUID, state: RequestState, dueOn: CalendarDay?) {
        self.requestID = requestID
        self.state = state
        self.dueOn = dueOn
    }
}
