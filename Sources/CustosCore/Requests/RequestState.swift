/// Where a request stands. Every change is a ``RequestEvent``; the state is what they add up to.
public enum RequestState: String, Sendable, Codable, CaseIterable {
    /// Taken in; the requester's identity is not yet shown.
    case awaitingVerification = "awaiting_verification"
    /// Identity shown (or not needed); the clock runs.
    case inProgress = "in_progress"
    /// The person was asked to clarify; the clock stands still.
    case awaitingClarification = "awaiting_clarification"
    /// The answer is ready and waits for the DPO's approval (an erasure, where the policy says so).
    case awaitingApproval = "awaiting_approval"
    case completed
    case refused

    /// Completed or refused: nothing more happens.
    public var isClosed: Bool { self == .completed || self == .refused }
}
