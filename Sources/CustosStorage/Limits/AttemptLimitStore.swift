public import Foundation

/// Counts of attempts (sign-ins, public forms) in fixed windows, kept in the database so that a
/// limit holds across every server. Keys are hashes (``AttemptKey``), never addresses.
public protocol AttemptLimitStore: Sendable {
    /// Counts one attempt under `key` and returns how many there have been in the current window
    /// of `window` seconds (this one included). A window starts at the first attempt after the last
    /// one ended, by the database's clock.
    func countAttempt(_ key: AttemptKey, window: TimeInterval) async throws -> Int

    /// Forgets windows that ended more than `age` seconds ago.
    func removeAttemptsOlder(than age: TimeInterval) async throws
}
