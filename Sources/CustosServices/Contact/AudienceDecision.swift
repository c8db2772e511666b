public import CustosCore
public import Foundation

/// Who among the people a purpose concerns may be contacted, and why the others may not: the
/// contact decision asked of each of them, before any address is opened.
public struct AudienceDecision: Sendable {
    /// One person who may be contacted, and why.
    public struct Allowed: Sendable, Equatable {
        public var subjectID: UUID
        public var reason: ContactReason
    }

    public var question: ContactQuestion
    /// Those who may be contacted, in ``SubjectOrder``.
    public var allowed: [Allowed]
    /// How many were denied, by reason.
    public var denied: [ContactReason: Int]
    /// People the purpose concerns who have no address for the channel.
    public var withoutAddress: Int
}
