/// Someone the data is shared with: a processor, another controller, a public body.
public struct Recipient: Sendable, Equatable, Decodable {
    public var id: String
    public var name: String
    public var kind: RecipientKind
    public var description: String?
    /// The data processing agreement or sharing agreement, for a processor (Art 28(3)).
    public var agreement: String?
    /// The ISO 3166 country code where the recipient processes the data; `GB` when absent.
    public var country: String?
    public var transfer: TransferSafeguard?
    /// Where the data protection impact assessment of this sharing is kept.
    public var dpia: String?
    /// When sharing happens, if not always, e.g. "only when the law requires it".
    public var when: String?
    /// A note that some of this was not stated by the organisation and needs confirming.
    public var assumed: String?

    /// The country code, upper-cased; `GB` when none is given.
    public var countryCode: String { (country?.nonBlank ?? "GB").uppercased() }

    /// Whether the recipient is outside the United Kingdom.
    public var isOutsideUK: Bool { countryCode != "GB" && countryCode != "UK" }
}
