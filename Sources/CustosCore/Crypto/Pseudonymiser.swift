public import Crypto
import Foundation

/// Stable keyed pseudonyms: the same pupil name or UPN in a workspace always becomes the same
/// pseudonym, so analysis joins across imports, but nobody can turn it back without the
/// re-identification the store keeps apart and audits.
public struct Pseudonymiser: Sendable {
    private let keyed: KeyedDigest

    public init(key: SymmetricKey) {
        keyed = KeyedDigest(key: key)
    }

    /// `P-` and 16 Crockford Base32 characters of HMAC(field ‖ 0x1F ‖ value).
    public func pseudonym(field: String, value: String) -> String {
        let digest = keyed.digest(label: field, value: value)
        var text = "P-"
        var buffer = 0
        var bits = 0
        for byte in digest.prefix(10) {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                text.append(Self.alphabet[(buffer >> bits) & 0x1F])
            }
        }
        return text
    }

    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// Whether `text` has the shape of a pseudonym this type makes.
    public static func isPseudonym(_ text: String) -> Bool {
        text.count == 18 && text.hasPrefix("P-") && text.dropFirst(2).allSatisfy { alphabet.contains($0) }
    }
}
