import Crypto
public import Foundation

/// The audit log's hash chain: each entry's hash covers its number, its event and the hash of the
/// entry before it, so altering, removing or re-ordering any entry breaks every hash after it.
///
/// Entries written with an ``AuditChainKey`` (every entry since the chain was first keyed) are
/// hashed with HMAC-SHA256 under it, so that the chain cannot be recomputed after an edit without
/// the master key; earlier entries keep their plain SHA-256 hashes, protected by the keyed
/// entries that follow them.
public enum AuditChain {
    /// The previous hash of the first entry.
    public static let genesis = Data(repeating: 0, count: 32)

    /// The entries that follow `previous` (the last entry so far, or `nil` for an empty chain),
    /// keyed when `key` is given.
    public static func append(
        _ events: [AuditEvent], after previous: (sequence: Int64, hash: Data)?, key: AuditChainKey? = nil
    ) -> [AuditEntry] {
        var sequence = previous?.sequence ?? 0
        var previousHash = previous?.hash ?? genesis
        return events.map { event in
            sequence += 1
            let hash = hash(sequence: sequence, event: event, previousHash: previousHash, key: key)
            defer { previousHash = hash }
            return AuditEntry(
                sequence: sequence, event: event, previousHash: previousHash, hash: hash, keyID: key?.id)
        }
    }

    /// The entry's hash over a canonical encoding (each field length-prefixed, absent fields
    /// marked): SHA-256, or HMAC-SHA256 under `key`.
    public static func hash(sequence: Int64, event: AuditEvent, previousHash: Data, key: AuditChainKey? = nil) -> Data {
        if let key {
            var mac = key.keyed
            mac.update(data: canonical("custos-audit-2", sequence: sequence, event: event, previousHash: previousHash))
            return Data(mac.finalize())
        }
        let bytes = canonical("custos-audit-1", sequence: sequence, event: event, previousHash: previousHash)
        return Data(SHA256.hash(data: bytes))
    }

    private static func canonical(
        _ domain: String, sequence: Int64, event: AuditEvent, previousHash: Data
    ) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        func add(_ text: String?) {
            guard let text else {
                bytes.append(0)
                return
            }
            bytes.append(1)
            let utf8 = text.utf8
            withUnsafeBytes(of: UInt32(utf8.count).bigEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: utf8)
        }
        bytes.append(contentsOf: domain.utf8)
        bytes.append(contentsOf: previousHash)
        withUnsafeBytes(of: sequence.bigEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: event.milliseconds.bigEndian) { bytes.append(contentsOf: $0) }
        add(event.workspaceID?.uuidString)
        add(event.actor)
        add(event.action)
        add(event.purpose)
        add(event.reason)
        add(event.subjectID?.uuidString)
        add(event.recordID?.uuidString)
        add(event.detail)
        // The people shown, only when there are any, so that every entry written before they
        // were kept hashes as it did.
        if !event.shown.isEmpty {
            bytes.append(2)
            withUnsafeBytes(of: UInt32(event.shown.count).bigEndian) { bytes.append(contentsOf: $0) }
            for id in event.shown { add(id.uuidString) }
        }
        return bytes
    }
}
