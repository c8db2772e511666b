/// The Unique Pupil Number (UPN) every pupil in England has: a check letter, a three-digit LA
/// code, a four-digit establishment number, a two-digit year and a three-character serial
/// (temporary UPNs end in a letter). See RULES.md §8.
public enum UniquePupilNumber {
    /// The letters the check character and temporary serials use, in value order (I, O and S are never used).
    static let letters: [Character] = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

    /// Why `text` is not a valid UPN, or `nil` when it is. `text` is taken as given, after
    /// upper-casing and trimming spaces.
    public static func problem(with text: String) -> String? {
        let characters = Array(normalised(text))
        guard characters.count == 13 else { return "a UPN has 13 characters" }
        guard letters.contains(characters[0]) else { return "a UPN starts with a check letter" }
        guard characters[1...11].allSatisfy(\.isASCIIDigit) else {
            return "characters 2 to 12 of a UPN are digits"
        }
        guard characters[12].isASCIIDigit || letters.contains(characters[12]) else {
            return "a UPN ends in a digit, or a letter for a temporary UPN"
        }
        let laCode = Int(String(characters[1...3])) ?? -1
        guard isValidLACode(laCode) else { return "\(String(characters[1...3])) is not a local authority code" }
        guard checkLetter(for: characters) == characters[0] else { return "the check letter does not match" }
        return nil
    }

    /// `text` upper-cased, without spaces.
    public static func normalised(_ text: String) -> String {
        // Most UPNs arrive as printable ASCII, upper case, without spaces: those are kept as they
        // are, without Unicode's case mapping and whitespace tables (seen in the import's profile).
        if text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !(0x61...0x7A).contains($0) }) { return text }
        return text.uppercased().filter { !$0.isWhitespace }
    }

    /// The check letter for a 13-character UPN: Σ position × value over positions 2–13, mod 23.
    static func checkLetter(for characters: [Character]) -> Character {
        var sum = 0
        for position in 2...13 {
            let character = characters[position - 1]
            let value = character.wholeNumberValue ?? letters.firstIndex(of: character) ?? 0
            sum += position * value
        }
        return letters[sum % 23]
    }

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
