/// Addresses a whole office reads (admin@, office@, info@ ...). Accounts are personal, and BEP's
/// registered users are people, so a shared address is warned against wherever one is given
/// for an account.
public enum SharedAddress {
    /// Local parts that name a role or an office rather than a person.
    public static let localParts: Set<String> = [
        "admin", "administration", "office", "info", "enquiries", "enquiry", "reception", "contact", "school",
        "head", "headteacher", "bursar", "finance", "hr", "mail", "general", "post", "schooloffice", "team",
    ]

    /// Whether `email` looks shared.
    public static func isShared(_ email: String) -> Bool {
        guard let local = email.lowercased().split(separator: "@").first else { return false }
        return localParts.contains(String(local))
    }

    /// The warning to show for `email`, or nil when it looks personal.
    public static func warning(for email: String) -> String? {
        guard isShared(email) else { return nil }
        return "this looks like a shared address; accounts are personal, so each person should use their own address"
    }
}
