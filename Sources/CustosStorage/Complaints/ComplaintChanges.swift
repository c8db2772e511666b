public import CustosCore
public import Foundation

/// Changes to the complaints register.
///
/// One part of a ``ChangeSet``, written in its transaction.
public struct ComplaintChanges: Sendable {
    /// Added to the complaints register.
    public var received: [StoredComplaint] = []
    /// Complaints acknowledged or closed.
    public var updates: [ComplaintUpdate] = []

    public init() {}

    /// Whether there is nothing to write.
    public var isEmpty: Bool {
        received.isEmpty
            && updates.isEmpty
    }
}
