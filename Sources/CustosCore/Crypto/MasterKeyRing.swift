public import Crypto
import Foundation

/// The master keys Custos holds: the current one, which wraps everything new, and any earlier
/// ones still needed while a rotation rewraps what they sealed.
///
/// The text form, kept in the key file (mode 0600) or the `CUSTOS_MASTER_KEY` variable, is one
/// key per line, current first: `custos-master-key ID BASE64`; `#` starts a comment. A line
/// `custos-audit-anchor SEQUENCE HASH` records where the audit chain's keying began
/// (``AuditAnchor``).
public struct MasterKeyRing: Sendable {
    public private(set) var keys: [MasterKey]
    /// Where the audit chain these keys bind was first keyed, once recorded.
    public var auditAnchor: AuditAnchor?
    /// The audit chain keys of retired master keys, by master key id: they check the entries
    /// written under those keys, and open nothing.
    public private(set) var retiredAuditKeys: [String: SymmetricKey]

    public init(
        current: MasterKey, previous: [MasterKey] = [], auditAnchor: AuditAnchor? = nil,
        retiredAuditKeys: [String: SymmetricKey] = [:]
    ) {
        keys = [current] + previous
        self.auditAnchor = auditAnchor
        self.retiredAuditKeys = retiredAuditKeys
    }

    /// The audit chain key of master key `id`: derived from it while the ring holds it, else the
    /// one kept when it was retired.
    public func auditChainKey(id: String) -> AuditChainKey? {
        if let master = key(id: id) { return AuditChainKey(deriving: master) }
        return retiredAuditKeys[id].map { AuditChainKey(id: id, key: $0) }
    }

    /// The key that wraps everything new.
    public var current: MasterKey { keys[0] }

    /// The key named `id`.
    public func key(id: String) -> MasterKey? { keys.first { $0.id == id } }

    /// Opens `wrapped` with the key that sealed it.
    public func unwrap(_ wrapped: WrappedKey, context: Envelope.Context, what: String) throws -> SymmetricKey {
        guard let master = key(id: wrapped.masterKeyID) else {
            throw CryptoFailure(
                "\(what) is wrapped by master key '\(wrapped.masterKeyID)', which the key file does not hold")
        }
        return try master.unwrap(wrapped, context: context, what: what)
    }

    /// A ring whose current key is a new one, keeping the others for unwrapping until rotation ends.
    public func addingNewCurrent(_ key: MasterKey) -> MasterKeyRing {
        MasterKeyRing(current: key, previous: keys, auditAnchor: auditAnchor, retiredAuditKeys: retiredAuditKeys)
    }

    /// The ring with only its current key, once nothing is wrapped by the others.
    /// The audit chain keys of the retired keys are kept (``retiredAuditKeys``).
    public func withoutPreviousKeys() -> MasterKeyRing {
        var retired = retiredAuditKeys
        for key in keys.dropFirst() { retired[key.id] = AuditChainKey.derive(key) }
        return MasterKeyRing(current: current, auditAnchor: auditAnchor, retiredAuditKeys: retired)
    }

    /// The ring without the earlier keys named in `ids` (never the current one), once nothing is
    /// wrapped by them. Their audit chain keys are kept (``retiredAuditKeys``).
    public func retiring(_ ids: Set<String>) -> MasterKeyRing {
        var retired = retiredAuditKeys
        let leaving = keys.dropFirst().filter { ids.contains($0.id) }
        for key in leaving { retired[key.id] = AuditChainKey.derive(key) }
        return MasterKeyRing(
            current: current, previous: keys.dropFirst().filter { !ids.contains($0.id) }, auditAnchor: auditAnchor,
            retiredAuditKeys: retired)
    }

    private static let linePrefix = "custos-master-key"
    private static let auditKeyPrefix = "custos-audit-key"

    /// Reads the text form; errors name the line, never a key.
    public init(text: String) throws {
        var keys: [MasterKey] = []
        var anchor: AuditAnchor?
        var retired: [String: SymmetricKey] = [:]
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: " ")
            if parts.first.map(String.init) == AuditAnchor.linePrefix {
                guard let read = AuditAnchor(fields: Array(parts.dropFirst())), anchor == nil else {
                    throw CryptoFailure(
                        "line \(offset + 1) of the master key is not the one '\(AuditAnchor.linePrefix) ENTRY HASH' line"
                    )
                }
                anchor = read
                continue
            }
            if parts.first == Substring(Self.auditKeyPrefix) {
                guard parts.count == 3, let bytes = Data(base64Encoded: String(parts[2])), bytes.count == 32 else {
                    throw CryptoFailure(
                        "line \(offset + 1) of the master key is not '\(Self.auditKeyPrefix) ID KEY' with a 256-bit Base64 key"
                    )
                }
                retired[String(parts[1])] = SymmetricKey(data: bytes)
                continue
            }
            guard parts.count == 3, parts[0] == Self.linePrefix, let bytes = Data(base64Encoded: String(parts[2])),
                bytes.count == 32
            else {
                throw CryptoFailure(
                    "line \(offset + 1) of the master key is not '\(Self.linePrefix) ID KEY' with a 256-bit Base64 key")
            }
            keys.append(MasterKey(id: String(parts[1]), key: SymmetricKey(data: bytes)))
        }
        guard let first = keys.first else { throw CryptoFailure("the master key holds no key") }
        self.init(
            current: first, previous: Array(keys.dropFirst()), auditAnchor: anchor, retiredAuditKeys: retired)
    }

    /// The text form, current key first.
    public var text: String {
        "# Custos master keys: keep this file secret, backed up apart from the data, and readable by Custos only.\n"
            + keys.map { "\(Self.linePrefix) \($0.id) \($0.base64)\n" }.joined()
            + (retiredAuditKeys.isEmpty
                ? "" : "# Audit chain keys of retired master keys: they check old audit entries and open nothing.\n")
            + retiredAuditKeys.sorted { $0.key < $1.key }.map { id, key in
                "\(Self.auditKeyPrefix) \(id) \(key.withUnsafeBytes { Data($0).base64EncodedString() })\n"
            }.joined()
            + (auditAnchor.map {
                "# Where the audit log's keying began: custos audit verify checks the log against it.\n\($0.line)\n"
            } ?? "")
    }
}
