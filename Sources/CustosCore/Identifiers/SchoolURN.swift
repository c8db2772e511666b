/// A school's Unique Reference Number in Get Information about Schools: six digits (English
/// schools 1xxxxx, Welsh 4xxxxx). It has no check digit. See RULES.md §8.
public enum SchoolURN {
    /// Why `text` is not a URN, or `nil` when it is.
    public static func problem(with text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count == 6, trimmed.allSatisfy(\.isASCIIDigit) else { return "a school URN has 6 digits" }
        return nil
    }
}
