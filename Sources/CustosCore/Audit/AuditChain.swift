import Crypto
public import Foundation

/// The audit log's hash chain: each entry's hash covers its number, its event and the hash of the
/// entry before it, so altering, removing or re-ordering any entry breaks every hash after it.
public enum AuditChain {
    /// The previous hash of the first entry.
    public static let genesis = Data(repeating: 0, count: 32)

    /// The entries that follow `previous` (the last entry so far, or `nil` for an empty chain).
    public static func append(_ events: [AuditEvent], after previous: (sequence: Int64, hash: Data)?) -> [AuditEntry] {
        var sequence = previous?.sequence ?? 0
        var previousHash = previous?.hash ?? genesis
        return events.map { event in
            sequence += 1
            let hash = hash(sequence: sequence, event: event, previousHash: previousHash)
            defer { previousHash = hash }
            return AuditEntry(sequence: sequence, event: event, previousHash: previousHash, hash: hash)
        }
    }

    /// SHA-256 over a canonical encoding: each field length-prefixed, absent fields marked.
    public static func hash(sequence: Int64, event: AuditEvent, previousHash: Data) -> Data {
        var hasher = SHA256()
        func add(_ text: String?) {
            guard let text else {
                hasher.update(data: [0])
                return
            }
            let bytes = Array(text.utf8)
            hasher.update(data: [1])
            withUnsafeBytes(of: UInt32(bytes.count).bigEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: bytes)
        }
        hasher.update(data: Array("custos-audit-1".utf8))
        hasher.update(data: previousHash)
        withUnsafeBytes(of: sequence.bigEndian) { hasher.update(bufferPointer: $0) }
        withUnsafeBytes(of: event.milliseconds.bigEndian) { hasher.update(bufferPointer: $0) }
        add(event.workspaceID?.uuidString)
        add(event.actor)
        add(event.action)
        add(event.purpose)
        add(event.reason)
        add(event.subjectID?.uuidString)
        add(event.recordID?.uuidString)
        add(event.detail)
        return Data(hasher.finalize())
    }
}
