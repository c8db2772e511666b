/// An email address with an optional display name, as it goes in a mail header. The address must be
/// one plain `local@domain` with no white space, brackets or line breaks, so a value from a record
/// cannot add headers or recipients.
public struct MailAddress: Sendable, Equatable {
    public var address: String
    public var name: String?

    /// Nil when `address` is not a single plain address.
    public init?(_ address: String, name: String? = nil) {
        let trimmed = address.trimmingCharacters(in: .whitespaces)
        guard EmailAddress.normalised(trimmed) != nil else { return nil }
        self.address = trimmed
        self.name =
            name?.components(separatedBy: .newlines).joined(separator: " ").trimmingCharacters(in: .whitespaces)
            .nonBlank
    }

    /// The domain, after the `@`.
    public var domain: String { String(address.split(separator: "@").last ?? "") }

    /// The header form: `"Name" <address>`, the name encoded (RFC 2047) when not plain ASCII.
    public var header: String {
        guard let name else { return address }
        return "\(MailHeader.encodedPhrase(name)) <\(address)>"
    }
}
