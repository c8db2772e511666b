/// One controller's data map: who it is, whose data it holds and of what kinds, why, on which
/// lawful basis, who receives it, how long it is kept, which cookies the site sets, who may see
/// what, and how requests are handled. Everything else in Custos is derived from it.
///
/// Load one with ``PolicyLoader``; the loader checks structure and references, the
/// ``PolicyLinter`` checks the law.
public struct Policy: Sendable, Equatable, Decodable {
    /// The policy file format; this Custos reads format 1.
    public var format: Int
    public var controller: Controller
    /// The Data Protection Officer, if one is appointed.
    public var dpo: ContactDetails?
    public var subjects: [SubjectKind]
    /// Categories the policy declares: its own keys, and default keys it describes again.
    public var categories: [DataCategory]
    public var recordTypes: [RecordType]
    public var purposes: [Purpose]
    public var recipients: [Recipient]
    public var retention: [RetentionRule]
    public var cookies: [Cookie]
    public var access: [AccessRule]
    /// How staff sign in to the console (which roles need a second factor).
    public var staffAccounts: StaffAccountSettings?
    /// Whether, and how, people register themselves in the privacy centre.
    public var registration: RegistrationSettings?
    /// Which records say who attends which event (a trainer's scope).
    public var events: EventSettings?
    public var rights: RightsSettings
    public var notice: NoticeSettings

    /// The format this Custos reads.
    public static let currentFormat = 1

    public func subject(_ id: String) -> SubjectKind? { subjects.first { $0.id == id } }
    public func recordType(_ id: String) -> RecordType? { recordTypes.first { $0.id == id } }
    public func purpose(_ id: String) -> Purpose? { purposes.first { $0.id == id } }
    public func recipient(_ id: String) -> Recipient? { recipients.first { $0.id == id } }
    public func retentionRule(_ id: String) -> RetentionRule? { retention.first { $0.id == id } }

    /// Whether staff of `role` must sign in with a second factor.
    public func requiresSecondFactor(_ role: StaffRole) -> Bool {
        staffAccounts?.secondFactor.contains(role) ?? false
    }

    /// The category with `key`: as declared, else the fideslang default; `nil` if neither.
    public func category(_ key: String) -> DataCategory? {
        if let declared = categories.first(where: { $0.key == key }) { return declared }
        guard let name = FideslangTaxonomy.defaultDataCategories[key] else { return nil }
        return DataCategory(key: key, name: name)
    }

    /// The Article 9 category of data under `key`: as declared on the key or an ancestor, else
    /// as the default taxonomy implies.
    public func specialCategory(of key: String) -> SpecialCategoryType? {
        var current: String? = key
        while let candidate = current {
            if let special = categories.first(where: { $0.key == candidate })?.special { return special }
            current = DataCategory(key: candidate).parentKey
        }
        return FideslangTaxonomy.specialCategory(ofDefault: key)
    }
}
