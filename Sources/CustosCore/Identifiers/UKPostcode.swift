/// A UK postcode, kept upper-case with one space before the inward code (`SG13 7DG`).
public enum UKPostcode {
    /// The postcode in its standard form, or `nil` when `text` is not one.
    public static func normalised(_ text: String) -> String? {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        guard (5...7).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return nil }
        let inward = compact.suffix(3)
        let outward = compact.dropLast(3)
        let inwardOK =
            inward.first?.isNumber == true && inward.dropFirst().allSatisfy(\.isLetter)
        let outwardOK =
            outward.first?.isLetter == true && outward.contains(where: \.isNumber)
            && (2...4).contains(outward.count)
        guard inwardOK, outwardOK else { return nil }
        return "\(outward) \(inward)"
    }
}
