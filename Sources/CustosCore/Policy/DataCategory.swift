/// A category of personal data. Keys come from the fideslang taxonomy where one fits
/// (`user.contact.email`); a policy declares its own keys (`user.education.sen`) and may describe
/// a default key again to mark it special.
public struct DataCategory: Sendable, Equatable, Decodable {
    /// The dotted key, e.g. `user.education.sen`.
    public var key: String
    /// The name a notice uses, e.g. "Special educational needs".
    public var name: String?
    public var description: String?
    /// The Article 9 category this data belongs to, if it is special-category data.
    public var special: SpecialCategoryType?
    /// Whether this is data about criminal convictions and offences (Art 10).
    public var criminalOffence: Bool

    public init(
        key: String, name: String? = nil, description: String? = nil,
        special: SpecialCategoryType? = nil, criminalOffence: Bool = false
    ) {
        self.key = key
        self.name = name
        self.description = description
        self.special = special
        self.criminalOffence = criminalOffence
    }

    /// The key of the parent category: `user.education` for `user.education.sen`.
    public var parentKey: String? {
        guard let dot = key.lastIndex(of: ".") else { return nil }
        return String(key[..<dot])
    }
}
