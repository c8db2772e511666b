/// Changes to the complaints register.
///
/// One part of a ``ChangeSet``, written in its transaction.
public struct ComplaintChanges: Sendable {
    /// Added to the complaints register.
    public var received: [StoredComplaint] = []
    /// Complaints acknowledged or closed.
    public var updates: [ComplaintUpdate] = []

    public init() {}
}
