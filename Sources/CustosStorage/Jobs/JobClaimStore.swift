public import CustosCore
public import Foundation

/// Where claims on background work are kept (``JobClaim``).
public protocol JobClaimStore: Sendable {
    /// Takes `claim` unless another holder's lease on the same work still runs: the day the work
    /// was last finished (nil if never), or nil with `taken` false when another holds it.
    func claim(_ claim: JobClaim) async throws -> JobClaimOutcome

    /// Gives `claim` up (if still held) and, with `day`, records the work as finished for it.
    func finish(_ claim: JobClaim, on day: CalendarDay?) async throws
}

/// What came of trying to take a ``JobClaim``.
public struct JobClaimOutcome: Sendable, Equatable {
    /// Whether the claim is now the caller's.
    public var taken: Bool
    /// The last day the work was recorded as finished, by any holder.
    public var finishedOn: CalendarDay?

    public init(taken: Bool, finishedOn: CalendarDay?) {
        self.taken = taken
        self.finishedOn = finishedOn
    }
}
