public import Foundation

/// Where the audit chain's keying began, kept in the key file, outside the database: the first
/// keyed entry's number and hash.
///
/// The database records the same point beside the chain, but someone with a copy of the database
/// could rewrite every keyed entry as an unkeyed one and remove that record, making the log look
/// as if it had never been keyed. The anchor in the key file stops that: `custos audit verify`
/// requires the log to be keyed from the anchored entry, with the anchored hash, and that entry's
/// keyed hash covers every entry before it.
public struct AuditAnchor: Sendable, Hashable {
    /// The first keyed entry.
    public var sequence: Int64
    /// Its hash (an HMAC under the chain key).
    public var hash: Data

    public init(sequence: Int64, hash: Data) {
        self.sequence = sequence
        self.hash = hash
    }

    /// The word that starts the anchor's line in the key file.
    static let linePrefix = "custos-audit-anchor"

    /// The anchor's line in the key file: `custos-audit-anchor SEQUENCE HEX-HASH`.
    public var line: String {
        "\(Self.linePrefix) \(sequence) \(hash.map { String(format: "%02x", $0) }.joined())"
    }

    /// Reads an anchor line's fields (after the prefix); nil when they are not a number and a
    /// 32-byte hash in hex.
    init?(fields: [Substring]) {
        guard fields.count == 2, let sequence = Int64(fields[0]), sequence > 0, fields[1].count == 64 else {
            return nil
        }
        var bytes = Data(capacity: 32)
        var index = fields[1].startIndex
        while index < fields[1].endIndex {
            let next = fields[1].index(index, offsetBy: 2)
            guard let byte = UInt8(fields[1][index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.init(sequence: sequence, hash: bytes)
    }
}
