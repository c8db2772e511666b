public import Foundation

/// A console session as stored, under the SHA-256 of its cookie's value (a copy of the database
/// cannot be used to sign in).
public struct StoredConsoleSession: Sendable, Hashable {
    /// The session's state, as the server encodes it.
    public var value: Data
    public var expiresAt: Date?

    public init(value: Data, expiresAt: Date?) {
        self.value = value
        self.expiresAt = expiresAt
    }
}
