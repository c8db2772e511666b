/// One step in a request's life, as recorded: what happened, on which day, who recorded it and
/// why. A request's events are never rewritten; its state and deadline are worked out from them
/// (``RequestHistory``).
public struct RequestEvent: Sendable, Equatable, Codable {
    public enum Action: String, Sendable, Codable, CaseIterable {
        /// The request arrived (day 1 of the clock, unless identity or a fee comes later).
        case received
        /// The requester's identity was shown; the clock starts on this day if later.
        case verified
        /// A fee that may lawfully be charged was paid; the clock starts on this day if later.
        case feeReceived = "fee_received"
        /// The person was asked to clarify: the clock stops (Art 12A).
        case clarificationAsked = "clarification_asked"
        /// The clarification arrived: the clock runs again.
        case clarificationReceived = "clarification_received"
        /// Two more months, with the reason; the person must be told within the first month.
        case extended
        /// The answer waits for the DPO's approval.
        case submittedForApproval = "submitted_for_approval"
        case approved
        /// Refused, with reasons; the person is told of their right to complain to the ICO and
        /// to a judicial remedy.
        case refused
        case completed
    }

    public var action: Action
    public var day: CalendarDay
    public var actor: String
    /// Why: required for an extension, a refusal and an approval.
    public var reason: String?

    public init(_ action: Action, on day: CalendarDay, by actor: String, reason: String? = nil) {
        self.action = action
        self.day = day
        self.actor = actor
        self.reason = reason
    }
}
