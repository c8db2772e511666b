public import Foundation

/// Where running servers report themselves (``ServerPresence``).
public protocol ServerPresenceStore: Sendable {
    /// Records `presence`, its time seen set to the database's clock now.
    func reportPresence(_ presence: ServerPresence) async throws

    /// The servers seen within `window` of the database's clock now, by name; reports older than
    /// a day are removed.
    func serversPresent(seenWithin window: TimeInterval) async throws -> [ServerPresence]

    /// Removes the report of `holder` (a server stopping).
    func removePresence(of holder: UUID) async throws
}
