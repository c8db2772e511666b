public import Crypto
public import Foundation

/// A record that the audit chain was verified intact up to an entry, signed under the chain key
/// (an HMAC, ``AuditChainKey``), so that a later verification can go on from it instead of
/// walking a long log from its first entry. Only someone who holds the master key can make one;
/// a checkpoint whose signature does not check is not used.
///
/// A checkpoint vouches for the entries before it as they were when it was made. One altered
/// since is found by a full verification (`custos audit verify --full`), which checks every entry;
/// a verification that finds a break sets aside the checkpoints from the break on.
public struct AuditCheckpoint: Sendable, Hashable {
    /// Where the verification stood: the next entry it expected, and the last one's hash.
    public var position: AuditVerifier.Position
    /// When it was made.
    public var madeAt: Date
    /// The master key whose chain key signed it.
    public var keyID: String
    /// HMAC-SHA256 of the position and time under that chain key.
    public var signature: Data

    /// The last entry verified.
    public var sequence: Int64 { position.nextSequence - 1 }

    public init(position: AuditVerifier.Position, madeAt: Date, keyID: String, signature: Data) {
        self.position = position
        self.madeAt = madeAt
        self.keyID = keyID
        self.signature = signature
    }

    /// `position`, reached at `time`, signed under `key`.
    public static func signed(_ position: AuditVerifier.Position, at time: Date, key: AuditChainKey) -> AuditCheckpoint
    {
        let madeAt = Date(timeIntervalSince1970: (time.timeIntervalSince1970 * 1000).rounded() / 1000)
        return AuditCheckpoint(
            position: position, madeAt: madeAt, keyID: key.id,
            signature: signature(position, madeAt: madeAt, key: key))
    }

    /// Whether the signature checks under `key` (the chain key of ``keyID``).
    public func isSigned(by key: AuditChainKey) -> Bool {
        key.id == keyID && Self.signature(position, madeAt: madeAt, key: key) == signature
    }

    private static func signature(_ position: AuditVerifier.Position, madeAt: Date, key: AuditChainKey) -> Data {
        var bytes = Array("custos-audit-checkpoint-1".utf8)
        func add(_ number: Int64?) {
            guard let number else {
                bytes.append(0)
                return
            }
            bytes.append(1)
            withUnsafeBytes(of: number.bigEndian) { bytes.append(contentsOf: $0) }
        }
        func add(_ data: Data?) {
            guard let data else {
                bytes.append(0)
                return
            }
            bytes.append(1)
            withUnsafeBytes(of: UInt32(data.count).bigEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: data)
        }
        add(position.nextSequence)
        add(position.previousHash)
        add(position.lastAnchored)
        add(Int64(position.checked))
        add(position.keyedFrom)
        add(position.anchor?.sequence)
        add(position.anchor?.hash)
        add(Int64((madeAt.timeIntervalSince1970 * 1000).rounded()))
        add(Data(key.id.utf8))
        var mac = key.keyed
        mac.update(data: bytes)
        return Data(mac.finalize())
    }
}
