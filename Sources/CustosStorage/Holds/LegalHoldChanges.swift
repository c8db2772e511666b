public import CustosCore

/// Changes to legal holds.
///
/// One part of a ``ChangeSet``, written in its transaction.
public struct LegalHoldChanges: Sendable {
    /// Legal holds placed.
    public var placed: [LegalHold] = []
    /// Legal holds released.
    public var releases: [LegalHoldRelease] = []

    public init() {}
}
