/// What Custos accepts as a staff password, after the NCSC's advice: long rather than complex.
/// No rules on character classes; a minimum length, bcrypt's limit, and nothing that is only the
/// user's own email.
public enum PasswordRules {
    public static let minimumCharacters = 12
    /// bcrypt reads only the first 72 bytes; a longer password would be cut without a word.
    public static let maximumBytes = 72

    /// Why `password` is refused for the user `email`, or nil when it is acceptable.
    public static func problem(with password: String, email: String) -> String? {
        if password.count < minimumCharacters {
            return "the password must be at least \(minimumCharacters) characters"
        }
        if password.utf8.count > maximumBytes {
            return "the password must be at most \(maximumBytes) bytes (about \(maximumBytes) letters)"
        }
        if password.contains("\u{0}") {
            return "the password may not contain a NUL character"
        }
        if Set(password).count < 4 {
            return "the password must not repeat so few characters"
        }
        let lowered = password.lowercased()
        if lowered == email.lowercased() || lowered == email.lowercased().split(separator: "@").first.map(String.init) {
            return "the password must not be the email address"
        }
        return nil
    }
}
