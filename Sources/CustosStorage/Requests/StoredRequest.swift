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
    /// The ground the fee is charged on (nil for a request kept before grounds were recorded).
    public var feeGround: FeeCase?
    /// Made on someone else's behalf: who asked and the decision on the person's competence,
    /// sealed (``RequestParty``; ``Requests/party(of:)`` opens it).
    public var party: SealedText?
    /// Who asked, as a register written before it was sealed kept it in plain text; sealed when
    /// the workspace is next opened.
    package var plainParty: RequestParty?

    /// What the clock waits for while the request is open with no due date; nil when it runs
    /// with one, or the request is closed.
    public var clockWaitsFor: RequestClockWait? {
        guard !state.isClosed, dueOn == nil else { return nil }
        if state == .awaitingVerification { return .identity }
        if kind == .educationalRecord { return .schoolCalendar }
        return awaitsFee ? .fee : nil
    }

    /// Whether the request was made on someone else's behalf.
    public var isOnBehalf: Bool { party != nil || plainParty != nil }
    public var createdAt: Date
    /// What the request produced, once completed (an erasure's certificate).
    public var outcome: RequestOutcome?
    /// Its number in the workspace's register, counting from 1 in the order requests were
    /// opened; given by the store when the request is kept, nil before.
    public var number: Int?

    /// The reference people quote: `R-`, the year it was received, and its number, e.g.
    /// `R-2026-0042`; the first eight digits of its id until it is numbered.
    public var reference: String {
        guard let number else { return String(id.uuidString.lowercased().prefix(8)) }
        return "R-\(receivedOn.iso.prefix(4))-\(String(format: "%04d", number))"
    }

    /// The number a reference gives (`R-2026-0042`, any case, or the number alone); nil for
    /// anything else.
    public static func number(inReference text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).uppercased().split(separator: "-")
        if parts.count == 1 { return Int(parts[0]).flatMap { $0 > 0 ? $0 : nil } }
        guard parts.count == 3, parts[0] == "R", parts[1].count == 4, Int(parts[1]) != nil,
            let number = Int(parts[2]), number > 0
        else { return nil }
        return number
    }

    public init(
        id: UUID = UUID(), workspaceID: UUID, subjectID: UUID?, kind: RequestKind, channel: RequestChannel,
        state: RequestState, receivedOn: CalendarDay, dueOn: CalendarDay?, awaitsFee: Bool,
        feeGround: FeeCase? = nil, party: SealedText?, createdAt: Date, outcome: RequestOutcome? = nil
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
        self.feeGround = feeGround
        self.party = party
        self.createdAt = createdAt
        self.outcome = outcome
    }
}
