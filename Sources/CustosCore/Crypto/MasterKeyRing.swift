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

    public init(current: MasterKey, previous: [MasterKey] = [], auditAnchor: AuditAnchor? = nil) {
        keys = [current] + previous
        self.auditAnchor = auditAnchor
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
        MasterKeyRing(current: key, previous: keys, auditAnchor: auditAnchor)
    }

    /// The ring with only its current key, once nothing is wrapped by the others.
    public func withoutPreviousKeys() -> MasterKeyRing {
        MasterKeyRing(current: current, auditAnchor: auditAnchor)
    }

    private static let linePrefix = "custos-master-key"

    /// Reads the text form; errors name the line, never a key.
    public init(text: String) throws {
        var keys: [MasterKey] = []
        var anchor: AuditAnchor?
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
            guard parts.count == 3, parts[0] == Self.linePrefix, let bytes = Data(base64Encoded: String(parts[2])),
                bytes.count == 32
            else {
                throw CryptoFailure(
                    "line \(offset + 1) of the master key is not '\(Self.linePrefix) ID KEY' with a 256-bit Base64 key")
            }
            keys.append(MasterKey(id: String(parts[1]), key: SymmetricKey(data: bytes)))
        }
        guard let first = keys.first else { throw CryptoFailure("the master key holds no key") }
        self.init(current: first, previous: Array(keys.dropFirst()), auditAnchor: anchor)
    }

    /// The text form, current key first.
    public var text: String {
        "# Custos master keys: keep this file secret, backed up apart from the data, and readable by Custos only.\n"
            + keys.map { "\(Self.linePrefix) \($0.id) \($0.base64)\n" }.joined()
            + (auditAnchor.map {
                "# Where the audit log's keying began: custos audit verify checks the log against it.\n\($0.line)\n"
            } ?? "")
    }
}
