public import CustosCore
public import Foundation

/// Changes to legal holds.
///
/// One part of a ``ChangeSet``, written in its transaction.
public struct LegalHoldChanges: Sendable {
    /// Legal holds placed.
    public var placed: [LegalHold] = []
    /// Legal holds released.
    public var releases: [LegalHoldRelease] = []

    public init() {}

    /// Whether there is nothing to write.
    public var isEmpty: Bool {
        placed.isEmpty
            && releases.isEmpty
    }
}
