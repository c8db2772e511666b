import Crypto

/// HMAC-SHA256 of a label and a value (`label ‖ 0x1F ‖ value`) under a pre-keyed HMAC, which is
/// copied rather than keyed again for each value. Blind indexes and pseudonyms are both made so.
struct KeyedDigest: Sendable {
    private let keyed: HMAC<SHA256>

    init(key: SymmetricKey) {
        keyed = HMAC<SHA256>(key: key)
    }

    func digest(label: String, value: String) -> [UInt8] {
        var hmac = keyed
        hmac.update(data: Array(label.utf8))
        hmac.update(data: [0x1F])
        hmac.update(data: Array(value.utf8))
        return Array(hmac.finalize())
    }
}
