public import Crypto
public import Foundation

/// A key that wraps other keys (each subject's data key, each workspace's index and pseudonym
/// keys). It lives outside the database: in a key file or an environment variable.
public struct MasterKey: Sendable {
    /// A short name for the key, stored beside everything it wraps, so rotation knows what to rewrap.
    public let id: String
    let key: SymmetricKey

    public init(id: String, key: SymmetricKey) {
        self.id = id
        self.key = key
    }

    /// A new random 256-bit key, named by the date and random characters.
    public static func generate(at time: Date = Date()) -> MasterKey {
        let stamp = Int(time.timeIntervalSince1970)
        let suffix = UUID().uuidString.prefix(8).lowercased()
        return MasterKey(id: "k\(stamp)-\(suffix)", key: SymmetricKey(size: .bits256))
    }

    /// The key as Base64, for the key file.
    var base64: String { key.withUnsafeBytes { Data($0).base64EncodedString() } }

    /// A key for one use (`purpose`), derived from this one (HKDF-SHA256): every server holding the
    /// key file derives the same, with nothing more to share.
    public func derivedKey(for purpose: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: key, salt: Data(purpose.utf8), info: Data(id.utf8), outputByteCount: 32)
    }

    /// Wraps a key: seals its bytes under this master key, bound to `context`.
    public func wrap(_ secret: SymmetricKey, context: Envelope.Context) throws -> WrappedKey {
        let sealed = try secret.withUnsafeBytes { try Envelope.seal(Data($0), key: key, context: context) }
        return WrappedKey(masterKeyID: id, sealed: sealed)
    }

    /// Opens a key this master key wrapped.
    public func unwrap(_ wrapped: WrappedKey, context: Envelope.Context, what: String) throws -> SymmetricKey {
        SymmetricKey(data: try Envelope.open(wrapped.sealed, key: key, context: context, what: what))
    }
}
