public import Crypto
public import Foundation

/// AES-256-GCM sealing with associated data: what Custos encrypts is bound to where it belongs
/// (workspace, record, type, role), so a ciphertext copied to another row does not open.
///
/// The sealed form is nonce (12 bytes) ‖ ciphertext ‖ tag (16 bytes).
public enum Envelope {
    public static func seal(_ plaintext: some DataProtocol, key: SymmetricKey, context: Context) throws -> Data {
        let box = try AES.GCM.seal(plaintext, using: key, authenticating: context.bytes)
        guard let combined = box.combined else { throw CryptoFailure("AES-GCM did not produce a sealed box") }
        return combined
    }

    /// The plaintext, or a ``CryptoFailure`` when the data was altered, belongs elsewhere, or the
    /// key is wrong; `what` names the item in the message (an id, never contents).
    public static func open(_ sealed: Data, key: SymmetricKey, context: Context, what: String) throws -> Data {
        do {
            let box = try AES.GCM.SealedBox(combined: sealed)
            return try AES.GCM.open(box, using: key, authenticating: context.bytes)
        } catch {
            throw CryptoFailure("\(what) cannot be decrypted: it was altered, or it is not sealed with this key")
        }
    }

    /// The associated data: a label and the ids the sealed item belongs to.
    public struct Context: Sendable {
        let bytes: [UInt8]

        public init(_ label: String, _ parts: String...) {
            var bytes = Array(label.utf8)
            for part in parts {
                bytes.append(0x1F)
                bytes.append(contentsOf: part.utf8)
            }
            self.bytes = bytes
        }
    }
}
