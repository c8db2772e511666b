public import Crypto
import Foundation

/// The secret that binds the audit chain: each entry's hash is an HMAC under it, so an entry can
/// be rewritten, and the chain after it recomputed, only by someone who holds the master key.
///
/// It is derived from a master key (HKDF-SHA256), so every server that holds the key file holds
/// it too, with nothing more to share or store; each entry records the id of the master key its
/// hash is under, so the chain stays verifiable across rotations.
public struct AuditChainKey: Sendable {
    /// The id of the master key it is derived from.
    public let id: String
    /// Keyed once and copied for each entry, rather than keyed again (as ``KeyedDigest`` does).
    let keyed: HMAC<SHA256>

    public init(id: String, key: SymmetricKey) {
        self.id = id
        keyed = HMAC<SHA256>(key: key)
    }

    /// The chain key derived from `master`.
    public init(deriving master: MasterKey) {
        self.init(id: master.id, key: Self.derive(master))
    }

    /// The chain key's bytes for `master`: what the key file keeps of a retired master key, so
    /// that the entries under it can still be checked, while nothing it wrapped can be opened.
    public static func derive(_ master: MasterKey) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: master.key, salt: Data("custos-audit-chain".utf8), info: Data(master.id.utf8),
            outputByteCount: 32)
    }
}
