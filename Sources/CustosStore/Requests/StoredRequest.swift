public import CustosCore
public import Foundation

/// A request from a person, as the register keeps it: what was asked, how it came in, where it
/// stands and when it is due. Its history is kept beside it as ``StoredRequestEvent``s.
public struct StoredRequest: Sendable, Equatable {
    public var id: UUID
    public var workspaceID: UUID
    /// The person the request is about, once known. A request outlives the person's erasure.
    public var subjectID: UUID?
    public var kind: RequestKind
    public var channel: RequestChannel
    public var state: RequestState
    public var receivedOn: CalendarDay
    /// Nil while identity (or a lawful fee) is awaited.
    public var dueOn: CalendarDay?
    /// Whether a fee must arrive before the clock starts.
    public var awaitsFee: Bool
    /// Made on someone else's behalf: the requester's relationship to them (e.g. `parent`).
    public var onBehalfAs: String?
    /// For a child's data asked for by a parent: the decision on the child's competence.
    public var competence: String?
    public var createdAt: Date
    /// What the request produced, once completed (an erasure's certificate).
    public var outcome: RequestOutcome?

    public init(
        id: UUID = UUID(), workspaceID: UUID, subjectID: UUID?, kind: RequestKind, channel: RequestChannel,
        state: RequestState, receivedOn: CalendarDay, dueOn: CalendarDay?, awaitsFee: Bool, onBehalfAs: String?,
        competence: String?, createdAt: Date, outcome: RequestOutcome? = nil
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.subjectID = subjectID
        self.kind = kind
        self.channel = channel
        self.state = state
        self.receivedOn = receivedOn
        self.dueOn = dueOn
        self.awaitsFee = awaitsFee
        self.onBehalfAs = onBehalfAs
        self.competence = competence
        self.createdAt = createdAt
        self.outcome = outcome
    }
}
