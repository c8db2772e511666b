public import Foundation

/// The answer to a ``ContactQuestion`` for one person.
public struct ContactDecision: Sendable, Hashable {
    public var reason: ContactReason
    /// The consent entry the decision rests on, when it rests on one (given or withdrawn).
    public var consentEntryID: UUID?

    public init(_ reason: ContactReason, consentEntryID: UUID? = nil) {
        self.reason = reason
        self.consentEntryID = consentEntryID
    }

    public var allowed: Bool { reason.allows }
}
