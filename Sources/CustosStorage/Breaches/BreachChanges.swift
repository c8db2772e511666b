/// Changes to the breach register.
///
/// One part of a ``ChangeSet``, written in its transaction.
public struct BreachChanges: Sendable {
    /// Added to the breach register.
    public var recorded: [StoredBreach] = []
    /// Breaches as they now stand (facts, text, closing), replacing what was kept.
    public var updates: [StoredBreach] = []

    public init() {}
}
