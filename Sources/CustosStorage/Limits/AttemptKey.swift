public import Crypto
public import Foundation

/// What an attempt limit counts by: a kind of attempt and a keyed hash of what it is limited per
/// (a client address, an email address), so the table holds no address, and a copy of the
/// database without the key cannot test addresses against it.
public struct AttemptKey: Sendable, Hashable {
    /// The kind, such as `sign-in-address` or `request-email`.
    public let scope: String
    /// HMAC-SHA256 of the scope and the value.
    public let hash: Data

    public init(scope: String, value: String, key: SymmetricKey) {
        self.scope = scope
        hash = Data(HMAC<SHA256>.authenticationCode(for: Data((scope + "\u{1F}" + value).utf8), using: key))
    }
}
