import CustosStorage
public import Foundation

/// What came of a code from an authenticator app.
public enum SecondFactorOutcome: Sendable, Equatable {
    /// The code was good: the user, as updated (the step used, the failures cleared).
    case accepted(StoredStaffUser)
    /// Wrong, too old, or already used.
    case wrongCode
    /// Too many failures in a row: refused until then.
    case locked(until: Date)
}
