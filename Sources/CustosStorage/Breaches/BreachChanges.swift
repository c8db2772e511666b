public import CustosCore
public import Foundation

/// Changes to the breach register.
///
/// One part of a ``ChangeSet``, written in its transaction.
public struct BreachChanges: Sendable {
    /// Added to the breach register.
    public var recorded: [StoredBreach] = []
    /// Breaches as they now stand (facts, text, closing), replacing what was kept.
    public var updates: [StoredBreach] = []

    public init() {}

    /// Whether there is nothing to write.
    public var isEmpty: Bool {
        recorded.isEmpty
            && updates.isEmpty
    }
}
