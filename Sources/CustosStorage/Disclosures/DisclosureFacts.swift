public import CustosCore

/// What was disclosed and on what ground, kept as one JSON column: policy identifiers and legal
/// keywords only, no personal data.
public struct DisclosureFacts: Sendable, Equatable, Codable {
    /// The record types disclosed (policy ids), in the order given.
    public var recordTypes: [String]
    /// The data categories disclosed when less than the whole records (e.g. `user.contact`).
    public var categories: [String]
    /// The policy purpose it was made for, if any.
    public var purpose: String?
    /// The lawful basis (Art 6) it was made on.
    public var lawfulBasis: LawfulBasis?
    /// The exemption relied on, if any (DPA 2018 Sch 2).
    public var exemption: DisclosureExemption?
    /// Made without telling the person, because telling them then was not safe: they are to be
    /// told when it is.
    public var madeWithoutTelling: Bool

    public init(
        recordTypes: [String], categories: [String] = [], purpose: String? = nil, lawfulBasis: LawfulBasis? = nil,
        exemption: DisclosureExemption? = nil, madeWithoutTelling: Bool = false
    ) {
        self.recordTypes = recordTypes
        self.categories = categories
        self.purpose = purpose
        self.lawfulBasis = lawfulBasis
        self.exemption = exemption
        self.madeWithoutTelling = madeWithoutTelling
    }

    /// The ground, for people to read: "UK GDPR Art 6(1)(d) vital interests; DPA 2018 Sch 2 para 2".
    public var ground: String {
        [
            lawfulBasis.map { "\($0.reference) \($0.title.lowercased())" },
            exemption.map { "\($0.reference) (\($0.plainEnglish))" },
        ].compactMap(\.self).joined(separator: "; ")
    }
}
