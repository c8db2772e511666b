import CustosStorage
public import Foundation

/// What came of a sign-in with an email and a password.
public enum SignInOutcome: Sendable, Equatable {
    /// The password was right: the user, as updated by the sign-in.
    case signedIn(StoredStaffUser)
    /// The email is unknown or the password wrong; which is not said.
    case wrongDetails
    /// Too many failed sign-ins: refused until then, even with the right password.
    case locked(until: Date)
    /// The right password, for a user who has been disabled.
    case disabled
}
