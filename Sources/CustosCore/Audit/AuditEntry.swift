public import Foundation

/// An ``AuditEvent`` as the chain holds it: numbered, and hashed together with the entry before it.
public struct AuditEntry: Sendable, Hashable {
    /// 1, 2, 3, ... with no gaps.
    public var sequence: Int64
    public var event: AuditEvent
    /// The previous entry's hash (32 zero bytes for the first entry).
    public var previousHash: Data
    /// SHA-256 of the sequence, the event and the previous hash (see ``AuditChain``).
    public var hash: Data

    public init(sequence: Int64, event: AuditEvent, previousHash: Data, hash: Data) {
        self.sequence = sequence
        self.event = event
        self.previousHash = previousHash
        self.hash = hash
    }
}
