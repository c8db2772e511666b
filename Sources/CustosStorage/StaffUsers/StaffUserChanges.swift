public import Foundation

/// Changes to staff accounts.
///
/// One part of a ``ChangeSet``, written in its transaction. The sign-in counters are changed only
/// by the parts that say so, each as one statement on the stored row (never by writing back a
/// row read earlier), so that sign-ins on several servers at once each count.
public struct StaffUserChanges: Sendable {
    /// Staff users added, or replacing the user with the same id: everything but the sign-in
    /// counters (failures, lock-out, last sign-in), which only a new user's row sets.
    public var saved: [StoredStaffUser] = []
    /// A failed step of a sign-in to count: the user's failures go up by one, and reaching
    /// `locksAfter` locks the account until `lockedUntil`.
    public var failures: [SignInFailure] = []
    /// Users whose failures and lock-out are cleared (a good sign-in, a new password, unlocking).
    public var cleared: [UUID] = []
    /// Users who signed in, and when.
    public var signedIn: [UUID: Date] = [:]

    public init() {}
}

/// One failed step of a sign-in (a wrong password or code), counted by the store.
public struct SignInFailure: Sendable, Hashable {
    public var userID: UUID
    /// Failures in a row that lock the account.
    public var locksAfter: Int
    /// When the lock ends, if this failure locks it.
    public var lockedUntil: Date

    public init(userID: UUID, locksAfter: Int, lockedUntil: Date) {
        self.userID = userID
        self.locksAfter = locksAfter
        self.lockedUntil = lockedUntil
    }
}
