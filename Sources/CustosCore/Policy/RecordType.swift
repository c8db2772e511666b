/// A type of record the controller keeps (a contact card, a booking, a pupil's assessment row),
/// with its fields; every record in the store is typed and validated by one.
public struct RecordType: Sendable, Equatable, Decodable {
    /// The identifier imports and the API use, e.g. `booking`.
    public var id: String
    public var name: String
    public var description: String?
    /// The people a record concerns, by role; at least one.
    public var roles: [RecordRole]
    public var fields: [RecordField]
    /// Why records of this type are processed (``Purpose`` ids).
    public var purposes: [String]
    /// How long they are kept (``RetentionRule`` ids); the first rule to fall due applies.
    public var retention: [String]
    /// Where the data comes from; the person themselves when the list is empty.
    public var sources: [DataSource]
    /// Whether the person gives this data themselves (on a form, at a booking, by email), whatever
    /// channel brings it in; nil for the policy's sources to say (``isProvidedByPerson``).
    public var providedByPerson: Bool?
    /// The kind of school record it is, where the law or guidance sets a least time to keep it
    /// (``SchoolRecordKind``): the linter checks its retention rules against that floor.
    public var kind: SchoolRecordKind?
    /// A note that some of this was not stated by the organisation and needs confirming.
    public var assumed: String?
    /// Identifier fields of the first role, any one of which identifies its person (ASSET: "either
    /// a Pupil Name or a URN"): a record must carry at least one, and they find the person in
    /// this order. Empty when the type does not say.
    public var identifiedBy: [String]
    /// The fields that make up a person's name in lists, headings and emails (`display_name`,
    /// e.g. `[first_name, surname]`), in order; each role is named by those of them it describes.
    /// Empty when the type does not say: its name fields (``DisplayName/isTitle(_:)`` aside) then.
    public var displayName: [String]

    /// The field with this name.
    public func field(named name: String) -> RecordField? {
        fields.first { $0.name == name }
    }

    /// The role a field describes: its `describes`, else the first role.
    public func role(of field: RecordField) -> RecordRole? {
        if let name = field.describes { return roles.first { $0.name == name } }
        return roles.first
    }

    /// The email field that identifies the record's first role: where a person who gives a record
    /// of this type themselves (registering, say) can be written to. Nil when there is none.
    public var ownEmailField: RecordField? {
        let owner = roles.first?.name
        return fields.first { $0.format == .email && $0.identifier && role(of: $0)?.name == owner }
    }

    /// The identifier fields of `role`, in the order they find its person: those `identified_by`
    /// lists first, in its order, then the rest in field order.
    public func identifierFields(of role: String?) -> [RecordField] {
        let fields = fields.filter { $0.identifier && self.role(of: $0)?.name == role }
        return fields.sorted {
            (identifiedBy.firstIndex(of: $0.name) ?? Int.max) < (identifiedBy.firstIndex(of: $1.name) ?? Int.max)
        }
    }

    /// Of `role`'s identifier values in a record, in ``identifierFields(of:)``'s order, the first
    /// `count` of `present` that find its person: all of them, except for a type's first role
    /// `identified_by` lists, where only the strongest given finds (a new Ann Smith with her own
    /// UPN is not the Ann Smith already held with another).
    public func findingCount(of role: String?, present count: Int) -> Int {
        !identifiedBy.isEmpty && role == roles.first?.name ? min(count, 1) : count
    }

    /// The fields that name `role`'s person, in order: those `display_name` lists that describe
    /// the role, else the role's name fields (category `user.name`) other than a title. Never a
    /// title alone: a display name is for telling people apart, and "Mr" tells no one apart.
    public func displayNameFields(of role: String?) -> [RecordField] {
        let listed = displayName.compactMap { field(named: $0) }.filter { self.role(of: $0)?.name == role }
        if !listed.isEmpty { return listed }
        return fields.filter {
            self.role(of: $0)?.name == role && $0.category.hasPrefix("user.name") && !DisplayName.isTitle($0)
        }
    }

    /// Whether the records are data the person provided, whatever brought them in, for
    /// portability (UK GDPR Art 20(1)): as the policy says (`provided_by_person`), else when the
    /// policy lists the person among the type's sources. A type that lists no sources is not
    /// taken to be the person's own: staff's entries and other systems' imports are not portable.
    public var isProvidedByPerson: Bool {
        providedByPerson ?? sources.contains { $0.kind == .dataSubject }
    }

    /// The sources, or the person themselves when none are listed.
    public var effectiveSources: [DataSource] {
        sources.isEmpty ? [DataSource(kind: .dataSubject, name: nil, publiclyAccessible: false)] : sources
    }
}
