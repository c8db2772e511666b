public import CustosCore
public import Foundation

/// An address on the suppression list: the keyed hash of its normalised form (the same blind
/// index identifiers use, so a re-imported address matches), never the address itself.
public struct StoredSuppression: Sendable, Hashable {
    /// The identifier kinds that are addresses someone is contacted on, and so may be suppressed.
    public static let addressKinds: Set<String> = ["email", "phone"]

    public var index: Data
    /// `email` or `phone`.
    public var kind: String
    public var scope: SuppressionScope
    public var reason: SuppressionReason
    public var recordedBy: String
    public var recordedAt: Date

    public init(
        index: Data, kind: String, scope: SuppressionScope, reason: SuppressionReason, recordedBy: String,
        recordedAt: Date
    ) {
        self.index = index
        self.kind = kind
        self.scope = scope
        self.reason = reason
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
