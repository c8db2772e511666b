/// The Unique Pupil Number (UPN) every pupil in England has: a check letter, a three-digit LA
/// code, a four-digit establishment number, a two-digit year and a three-character serial
/// (temporary UPNs end in a letter). See RULES.md §8.
public enum UniquePupilNumber {
    /// The letters the check character and temporary serials use, in value order (I, O and S are
    /// never used), as ASCII bytes.
    static let letters: [UInt8] = Array("ABCDEFGHJKLMNPQRTUVWXYZ".utf8)

    /// Why `text` is not a valid UPN, or `nil` when it is. `text` is taken as given, after
    /// upper-casing and trimming spaces.
    public static func problem(with text: String) -> String? {
        // Checked as ASCII bytes, one a character: a character beyond ASCII is never part of a UPN,
        // so it stands as a byte no rule accepts (an import checks every UPN twice, and
        // Character's properties showed in its profile).
        let normal = normalised(text)
        let bytes = normal.utf8.allSatisfy { $0 < 0x80 } ? Array(normal.utf8) : normal.map { $0.asciiValue ?? 0 }
        guard bytes.count == 13 else { return "a UPN has 13 characters" }
        guard letters.contains(bytes[0]) else { return "a UPN starts with a check letter" }
        guard bytes[1...11].allSatisfy(isDigit) else { return "characters 2 to 12 of a UPN are digits" }
        guard isDigit(bytes[12]) || letters.contains(bytes[12]) else {
            return "a UPN ends in a digit, or a letter for a temporary UPN"
        }
        let laCode = bytes[1...3].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        guard isValidLACode(laCode) else {
            return "\(String(decoding: bytes[1...3], as: UTF8.self)) is not a local authority code"
        }
        guard checkLetter(for: bytes) == bytes[0] else { return "the check letter does not match" }
        return nil
    }

    /// `text` upper-cased, without spaces.
    public static func normalised(_ text: String) -> String {
        // Most UPNs arrive as printable ASCII, upper case, without spaces: those are kept as they
        // are, without Unicode's case mapping and whitespace tables (seen in the import's profile).
        if text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !(0x61...0x7A).contains($0) }) { return text }
        return text.uppercased().filter { !$0.isWhitespace }
    }

    /// The check letter for a 13-character UPN, as ASCII bytes: Σ position × value over positions
    /// 2–13, mod 23.
    static func checkLetter(for bytes: [UInt8]) -> UInt8 {
        var sum = 0
        for position in 2...13 {
            let byte = bytes[position - 1]
            let value = isDigit(byte) ? Int(byte - UInt8(ascii: "0")) : letters.firstIndex(of: byte) ?? 0
            sum += position * value
        }
        return letters[sum % 23]
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// Whether `code` is an LA code census rule 1530 accepts.
    public static func isValidLACode(_ code: Int) -> Bool {
        validLACodes.contains { $0.contains(code) }
    }

    private static let validLACodes: [ClosedRange<Int>] = [
        1...5, 201...213, 301...320, 330...336, 340...344, 350...359, 370...373, 380...384, 390...394, 420...420,
        660...681, 701...708, 800...803, 805...808, 810...813, 815...816, 820...823, 825...826, 830...831,
        835...837, 840...841, 845...846, 850...852, 855...857, 860...861, 865...896, 908...909, 916...916,
        919...919, 921...921, 925...926, 928...929, 931...931, 933...933, 935...938,
    ]
}

extension Character {
    /// Whether this is one of 0–9.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
