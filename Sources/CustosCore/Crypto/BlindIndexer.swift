public import Crypto
public import Foundation

/// Keyed HMAC-SHA256 blind indexes of identifiers: people are found by email, phone, UPN, ULN or
/// staff number without any of them being stored in plain text. One key per workspace, so the
/// same email has unrelated indexes in two workspaces.
public struct BlindIndexer: Sendable {
    private let keyed: KeyedDigest

    public init(key: SymmetricKey) {
        keyed = KeyedDigest(key: key)
    }

    /// The index of an identifier's normalised value: 16 bytes of HMAC(kind ‖ 0x1F ‖ value).
    public func index(kind: String, value: String) -> Data {
        Data(keyed.digest(label: kind, value: value).prefix(16))
    }
}
