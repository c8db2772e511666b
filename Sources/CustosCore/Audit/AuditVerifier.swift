public import Foundation

/// Walks the chain in order and reports the first entry that was altered, removed or re-ordered.
public struct AuditVerifier: Sendable {
    private var expectedSequence: Int64 = 1
    private var previousHash = AuditChain.genesis
    /// How many entries have been checked.
    public private(set) var checked = 0

    public init() {}

    /// A break in the chain.
    public struct Break: Error, Sendable, Hashable, CustomStringConvertible {
        /// The sequence number of the first entry that does not verify (or that is missing).
        public var sequence: Int64
        public var reason: String

        public var description: String { "entry \(sequence): \(reason)" }
    }

    /// Checks the next entry, in sequence order.
    public mutating func check(_ entry: AuditEntry) throws(Break) {
        if entry.sequence != expectedSequence {
            throw Break(
                sequence: expectedSequence,
                reason: entry.sequence > expectedSequence
                    ? "is missing (the next entry found is \(entry.sequence)): entries were removed"
                    : "is out of order: entries were re-ordered or duplicated")
        }
        if entry.previousHash != previousHash {
            throw Break(
                sequence: entry.sequence,
                reason: "does not follow the entry before it: entries were removed, inserted or re-ordered")
        }
        let computed = AuditChain.hash(sequence: entry.sequence, event: entry.event, previousHash: entry.previousHash)
        if computed != entry.hash {
            throw Break(sequence: entry.sequence, reason: "was altered: its contents do not match its hash")
        }
        previousHash = entry.hash
        expectedSequence += 1
        checked += 1
    }

    /// Checks that the chain ends where the store's recorded head says it does, so that removing
    /// the last entries is noticed too.
    public func checkEnd(headSequence: Int64, headHash: Data) throws(Break) {
        let last = expectedSequence - 1
        if headSequence > last {
            throw Break(sequence: last + 1, reason: "is missing: the log was cut short after entry \(last)")
        }
        if headSequence < last || (last > 0 && headHash != previousHash) {
            throw Break(sequence: headSequence, reason: "does not match the recorded head of the log")
        }
    }
}
