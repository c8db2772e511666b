public import Foundation

/// One running server as it last reported itself: which master keys it holds, and when it was
/// last seen (by the database's clock). Key rotation waits until every server present holds the
/// new key before it rewraps, so no server wraps anything new with a key about to be retired.
public struct ServerPresence: Sendable, Hashable {
    /// The server's process (``JobClaim/processHolder``).
    public var holder: UUID
    /// The host and process id, for people: `web-1:4312`.
    public var name: String
    public var startedAt: Date
    /// When it last reported, by the database's clock (set by the store).
    public var seenAt: Date
    /// The ids of the master keys it holds, the one it wraps with first.
    public var keyIDs: [String]

    public init(holder: UUID, name: String, startedAt: Date, seenAt: Date = Date(), keyIDs: [String]) {
        self.holder = holder
        self.name = name
        self.startedAt = startedAt
        self.seenAt = seenAt
        self.keyIDs = keyIDs
    }

    /// The master key it wraps new keys with.
    public var currentKeyID: String? { keyIDs.first }
}
