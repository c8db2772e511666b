public import CustosStorage
public import Foundation

/// The staff console's sessions, kept in the store so that they survive a restart and are shared
/// by every server on one PostgreSQL database. A session is stored under a hash of its cookie's
/// value, never the value itself.
public struct ConsoleSessions: Sendable {
    let store: any CustosStore

    /// The session stored under `keyHash`, unless it has expired by `time`.
    public func session(keyHash: Data, at time: Date = Date()) async throws -> StoredConsoleSession? {
        try await store.consoleSession(keyHash: keyHash, at: time)
    }

    /// Stores (or replaces) the session under `keyHash`.
    public func save(keyHash: Data, value: Data, expiresAt: Date?) async throws {
        try await store.saveConsoleSession(keyHash: keyHash, value: value, expiresAt: expiresAt)
    }

    /// Ends the session under `keyHash`.
    public func remove(keyHash: Data) async throws {
        try await store.removeConsoleSession(keyHash: keyHash)
    }

    /// Removes every session expired by `time`.
    public func removeExpired(at time: Date = Date()) async throws {
        try await store.removeExpiredConsoleSessions(at: time)
    }
}
