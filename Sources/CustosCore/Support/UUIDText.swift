public import Foundation

/// Reads a UUID from its 36-character text (`8-4-4-4-12` hex digits, either case) without
/// Foundation's parser, which goes through `sscanf` and showed in the API's profile: every API
/// path names a subject or record by id. Writes it, too, without Foundation's `snprintf`.
public enum UUIDText {
    /// The UUID `text` spells, or nil when it is not one.
    public static func parse(_ text: some StringProtocol) -> UUID? {
        var bytes = [UInt8](repeating: 0, count: 16)
        var count = 0
        var high: UInt8?
        var position = 0
        for character in text.utf8 {
            defer { position += 1 }
            if position == 8 || position == 13 || position == 18 || position == 23 {
                guard character == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard position < 36, let value = hexValue(character) else { return nil }
            if let first = high {
                bytes[count] = first << 4 | value
                count += 1
                high = nil
            } else {
                high = value
            }
        }
        guard position == 36, count == 16 else { return nil }
        return bytes.withUnsafeBytes { UUID(uuid: $0.loadUnaligned(as: uuid_t.self)) }
    }

    /// The text Foundation's `uuidString` makes (upper-case hex, hyphenated 8-4-4-4-12), made
    /// without it: on Linux it formats each byte with `snprintf`, which took 4% of an import's
    /// processor time, where each row names its people and records in the associated data it seals.
    public static func text(of id: UUID) -> String {
        func digit(_ value: UInt8) -> UInt8 { value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") - 10 + value }
        return withUnsafeBytes(of: id.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { text in
                var position = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    text[position] = digit(byte >> 4)
                    text[position + 1] = digit(byte & 0x0F)
                    position += 2
                }
                return position
            }
        }
    }

    /// The value of one hex digit.
    public static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
