/// One field of a record type.
public struct RecordField: Sendable, Equatable, Decodable {
    /// The field's name in records and imports, e.g. `email`.
    public var name: String
    /// The label forms and notices show, e.g. "Head's email address".
    public var label: String?
    public var description: String?
    /// The data category key (fideslang or declared in `categories`).
    public var category: String
    public var level: FieldLevel
    /// Whether people are found by this field (email, phone, UPN, ...).
    public var identifier: Bool
    /// For an identifier: whether it tells people apart across the workspace (the default) or only
    /// within the person's school (`identifier_scope: school`: a pupil's name, a school's own code).
    public var identifierScope: IdentifierScope
    public var format: FieldFormat?
    /// Allowed values, when the field takes one of a fixed list (e.g. SEN codes E, K, N).
    public var choices: [String]
    /// Whether the value is stored as a keyed pseudonym (ASSET: pupil name and UPN).
    public var pseudonymise: Bool
    /// The role (of the record type) whose person this field is about; the first role if absent.
    public var describes: String?
    /// Other column headings an import accepts for this field, e.g. "Pupil URN".
    public var aliases: [String]
    /// For a required field: what happens if the person does not give it (Art 13(2)(e)).
    public var consequence: String?
    /// Why the field is asked for; forms show it next to special-category fields.
    public var reason: String?
    /// The purposes this field is used for, when only some of its record type's are (dietary
    /// needs on a booking are for catering, not invoicing). Every purpose of the record type when empty.
    public var purposes: [String]

    /// Whether the field names or reaches the person by itself: an identifier, or a name, contact
    /// detail, government or unique id, or date of birth. Anonymisation may not keep it.
    public var identifiesDirectly: Bool {
        identifier || pseudonymise
            || ["user.name", "user.contact", "user.government_id", "user.unique_id", "user.demographic.date_of_birth"]
                .contains { category == $0 || category.hasPrefix($0 + ".") }
    }

    /// The label, or the name when there is none.
    public var displayLabel: String {
        label?.nonBlank ?? name.replacingOccurrences(of: "_", with: " ")
    }
}
