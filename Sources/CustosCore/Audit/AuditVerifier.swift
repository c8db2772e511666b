public import Foundation

/// Walks the chain in order and reports the first entry that was altered, removed or re-ordered.
///
/// From the entry where keying began, every entry must be keyed, and each keyed entry's hash is
/// checked under its chain key when the key file still holds that key; entries under a retired
/// key are held by the keyed entries after them, whose hashes cover theirs. The chain must end
/// with an entry whose key is held, so that no part of it can be recomputed without the master key.
/// Where the key file anchors the chain (``AuditAnchor``), keying must begin at the anchored entry,
/// with the anchored hash, so that the log cannot be made to look as if it had never been keyed.
public struct AuditVerifier {
    private var expectedSequence: Int64 = 1
    private var previousHash = AuditChain.genesis
    private let keyedFrom: Int64?
    private let anchor: AuditAnchor?
    private let key: (String) throws -> AuditChainKey?
    /// The last entry whose keyed hash was checked under a held key.
    private var lastAnchored: Int64?
    /// How many entries have been checked.
    public private(set) var checked = 0

    /// Where a verifier stands after the entries it checked: enough to go on from there later
    /// without checking them again (``init(resuming:keyedFrom:anchor:key:)``).
    public struct Position: Sendable, Hashable {
        /// The next entry it expects.
        public let nextSequence: Int64
        /// The hash of the last entry checked (the chain's genesis before any).
        public let previousHash: Data
        /// The last keyed entry checked under a held key.
        public let lastAnchored: Int64?
        /// How many entries were checked to get here.
        public let checked: Int
        /// Where keying began, and the key file's anchor, when the position was reached: going on
        /// from it is only sound while they are the same.
        public let keyedFrom: Int64?
        public let anchor: AuditAnchor?

        public init(
            nextSequence: Int64, previousHash: Data, lastAnchored: Int64?, checked: Int, keyedFrom: Int64?,
            anchor: AuditAnchor?
        ) {
            self.nextSequence = nextSequence
            self.previousHash = previousHash
            self.lastAnchored = lastAnchored
            self.checked = checked
            self.keyedFrom = keyedFrom
            self.anchor = anchor
        }
    }

    /// Where this verifier stands now.
    public var position: Position {
        Position(
            nextSequence: expectedSequence, previousHash: previousHash, lastAnchored: lastAnchored, checked: checked,
            keyedFrom: keyedFrom, anchor: anchor)
    }

    /// A verifier for a chain keyed from `keyedFrom` (nil: never keyed), anchored by the key file
    /// at `anchor` (nil: not anchored), finding each entry's chain key by its master key's id (nil
    /// when the key file does not hold it).
    public init(
        keyedFrom: Int64? = nil, anchor: AuditAnchor? = nil,
        key: @escaping (String) throws -> AuditChainKey? = { _ in nil }
    ) {
        self.keyedFrom = keyedFrom
        self.anchor = anchor
        self.key = key
    }

    /// A verifier that goes on from `position`, reached earlier by one with the same `keyedFrom`
    /// and `anchor` over the same chain: the entries before it are not checked again.
    public init(
        resuming position: Position, key: @escaping (String) throws -> AuditChainKey? = { _ in nil }
    ) {
        self.init(keyedFrom: position.keyedFrom, anchor: position.anchor, key: key)
        expectedSequence = position.nextSequence
        previousHash = position.previousHash
        lastAnchored = position.lastAnchored
        checked = position.checked
    }

    /// A break in the chain.
    public struct Break: Error, Sendable, Hashable, CustomStringConvertible {
        /// The sequence number of the first entry that does not verify (or that is missing).
        public var sequence: Int64
        public var reason: String

        public init(sequence: Int64, reason: String) {
            self.sequence = sequence
            self.reason = reason
        }

        public var description: String { "entry \(sequence): \(reason)" }
    }

    /// Checks the next entry, in sequence order.
    public mutating func check(_ entry: AuditEntry) throws {
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
        if let anchor, entry.sequence == anchor.sequence {
            if keyedFrom != anchor.sequence {
                throw Break(
                    sequence: entry.sequence,
                    reason:
                        "is where the key file records that keying began, but the log records \(keyedFrom.map { "keying from entry \($0)" } ?? "no keying"): the log was rewritten without the master key"
                )
            }
            if entry.hash != anchor.hash {
                throw Break(
                    sequence: entry.sequence,
                    reason: "does not match the key file's record of where keying began: it was rewritten")
            }
        }
        let keyed = keyedFrom.map { entry.sequence >= $0 } ?? false
        switch (entry.keyID, keyed) {
        case (nil, true):
            throw Break(
                sequence: entry.sequence,
                reason:
                    "is not keyed, though the log is keyed from entry \(keyedFrom ?? 0): it was rewritten without the master key"
            )
        case (.some, false):
            throw Break(
                sequence: entry.sequence,
                reason:
                    "is keyed, but the log does not record keying from here: the record of where keying began was altered"
            )
        case (nil, false):
            if AuditChain.hash(sequence: entry.sequence, event: entry.event, previousHash: entry.previousHash)
                != entry.hash
            {
                throw Break(sequence: entry.sequence, reason: "was altered: its contents do not match its hash")
            }
        case (let id?, true):
            if let chainKey = try key(id) {
                let computed = AuditChain.hash(
                    sequence: entry.sequence, event: entry.event, previousHash: entry.previousHash, key: chainKey)
                if computed != entry.hash {
                    throw Break(
                        sequence: entry.sequence,
                        reason: "was altered: its contents do not match its hash under the master key")
                }
                lastAnchored = entry.sequence
            }
        }
        previousHash = entry.hash
        expectedSequence += 1
        checked += 1
    }

    /// Checks that the chain ends where the store's recorded head says it does, so that removing
    /// the last entries is noticed too, and, for a keyed chain, that its last entry is keyed under
    /// a master key the key file holds.
    public func checkEnd(headSequence: Int64, headHash: Data) throws(Break) {
        let last = expectedSequence - 1
        if headSequence > last {
            throw Break(sequence: last + 1, reason: "is missing: the log was cut short after entry \(last)")
        }
        if let anchor, anchor.sequence > last {
            throw Break(
                sequence: last + 1,
                reason:
                    "is missing: the key file records that keying began at entry \(anchor.sequence), so the log was cut short"
            )
        }
        if headSequence < last || (last > 0 && headHash != previousHash) {
            throw Break(sequence: headSequence, reason: "does not match the recorded head of the log")
        }
        if let keyedFrom, keyedFrom <= last, lastAnchored != last {
            throw Break(
                sequence: last,
                reason: "is not keyed under a master key the key file holds: the log cannot be checked against the key")
        }
    }
}
