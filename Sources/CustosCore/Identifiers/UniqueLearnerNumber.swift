/// The Unique Learner Number (ULN): ten digits, the first not zero, with a check digit such that
/// Σ digit × weight (10 down to 1) ≡ 10 (mod 11). See RULES.md §8.
public enum UniqueLearnerNumber {
    /// Why `text` is not a valid ULN, or `nil` when it is.
    public static func problem(with text: String) -> String? {
        let digits = Array(text.filter { !$0.isWhitespace })
        guard digits.count == 10, digits.allSatisfy(\.isASCIIDigit) else { return "a ULN has 10 digits" }
        guard digits[0] != "0" else { return "a ULN does not start with 0" }
        var sum = 0
        for (index, digit) in digits.enumerated() {
            sum += (10 - index) * (digit.wholeNumberValue ?? 0)
        }
        guard sum % 11 == 10 else { return "the check digit does not match" }
        return nil
    }
}
