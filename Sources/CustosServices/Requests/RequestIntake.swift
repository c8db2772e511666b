public import CustosCore
public import Foundation

/// What staff record when a request comes in (by phone, letter, email or in person) or the
/// privacy centre passes one on.
public struct RequestIntake: Sendable {
    public var kind: RequestKind
    /// The person the request is about, when known.
    public var subjectID: UUID?
    public var channel: RequestChannel
    public var receivedOn: CalendarDay
    /// Staff already know the requester (in person, or from the address on file): the clock
    /// starts on receipt.
    public var identityShown: Bool
    /// The ground on which a fee is charged and awaited before the clock starts: one the law
    /// allows (a manifestly unfounded or excessive request, further copies) and the policy's fee
    /// settings list; nil for a free request, which is the rule.
    public var feeGround: FeeCase?
    /// Made on someone else's behalf: the requester's relationship to them (e.g. `parent`).
    public var onBehalfAs: String?
    /// With `onBehalfAs`: the decision on the person's competence to act for themselves (a child
    /// mature enough to decide is asked first), or why it does not arise.
    public var competence: String?

    public init(
        kind: RequestKind, subjectID: UUID?, channel: RequestChannel, receivedOn: CalendarDay,
        identityShown: Bool = false, feeGround: FeeCase? = nil, onBehalfAs: String? = nil, competence: String? = nil
    ) {
        self.kind = kind
        self.subjectID = subjectID
        self.channel = channel
        self.receivedOn = receivedOn
        self.identityShown = identityShown
        self.feeGround = feeGround
        self.onBehalfAs = onBehalfAs
        self.competence = competence
    }
}
