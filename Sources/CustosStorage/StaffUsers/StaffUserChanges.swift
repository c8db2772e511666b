/// Changes to staff accounts.
///
/// One part of a ``ChangeSet``, written in its transaction.
public struct StaffUserChanges: Sendable {
    /// Staff users added, or replacing the user with the same id.
    public var saved: [StoredStaffUser] = []

    public init() {}
}
