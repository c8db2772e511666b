public import Foundation

/// Where staff users and their console sessions are kept. Users are added and changed through a
/// ``ChangeSet``, so the audit entry is written with them; sessions, which change on every
/// sign-in and are not personal data, are written directly.
public protocol StaffUserStore: Sendable {
    /// The user with `id`, in whichever workspace they belong to.
    func staffUser(id: UUID) async throws -> StoredStaffUser?

    /// The user who signs in as `email` (compared in lower case).
    func staffUser(email: String) async throws -> StoredStaffUser?

    /// The workspace's users, disabled ones included, by email.
    func staffUsers(in workspaceID: UUID) async throws -> [StoredStaffUser]

    /// The session stored under `keyHash`, unless it expired before `time`.
    func consoleSession(keyHash: Data, at time: Date) async throws -> StoredConsoleSession?

    /// Stores a session's value; an `expiresAt` of nil keeps the expiry it had.
    func saveConsoleSession(keyHash: Data, value: Data, expiresAt: Date?) async throws

    func removeConsoleSession(keyHash: Data) async throws

    /// Removes every session that expired before `time`.
    func removeExpiredConsoleSessions(at time: Date) async throws
}
