public import Foundation

/// An ``AuditEvent`` as the chain holds it: numbered, and hashed together with the entry before it.
public struct AuditEntry: Sendable, Hashable {
    /// 1, 2, 3, ... with no gaps.
    public var sequence: Int64
    public var event: AuditEvent
    /// The previous entry's hash (32 zero bytes for the first entry).
    public var previousHash: Data
    /// SHA-256 of the sequence, the event and the previous hash, or their HMAC under the chain
    /// key (see ``AuditChain``).
    public var hash: Data
    /// For a keyed entry, the id of the master key its chain key is derived from.
    public var keyID: String?

    public init(sequence: Int64, event: AuditEvent, previousHash: Data, hash: Data, keyID: String? = nil) {
        self.sequence = sequence
        self.event = event
        self.previousHash = previousHash
        self.hash = hash
        self.keyID = keyID
    }
}
