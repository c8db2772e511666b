/// A UK telephone number, kept in one form (`+44` and the national number without its leading 0)
/// so that the same number written two ways finds the same person.
public enum UKPhoneNumber {
    /// The number in `+447700900123` form, or `nil` when `text` is not a UK number.
    public static func normalised(_ text: String) -> String? {
        var digits = ""
        var leadingPlus = false
        for (offset, character) in text.enumerated() {
            if character.isASCIIDigit {
                digits.append(character)
            } else if character == "+" && offset == text.prefix(while: \.isWhitespace).count {
                leadingPlus = true
            } else if !" -().".contains(character) {
                return nil
            }
        }
        var national: Substring
        if leadingPlus {
            guard digits.hasPrefix("44") else { return nil }
            national = digits.dropFirst(2)
            if national.hasPrefix("0") { national = national.dropFirst() }
        } else if digits.hasPrefix("0044") {
            national = digits.dropFirst(4)
        } else if digits.hasPrefix("0") {
            national = digits.dropFirst()
        } else {
            return nil
        }
        // UK national significant numbers have 9 or 10 digits and start with 1, 2, 3, 5, 7, 8 or 9.
        guard (9...10).contains(national.count), let first = national.first, "1235789".contains(first) else {
            return nil
        }
        return "+44" + national
    }
}
