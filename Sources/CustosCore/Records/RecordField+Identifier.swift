extension RecordField {
    /// The identifier kinds named by format rather than by field, so that a contact's email and a
    /// booking's email find the same person.
    static let identifierKindsByFormat: [FieldFormat: String] = [
        .email: "email", .ukPhone: "phone", .upn: "upn", .uln: "uln",
    ]

    /// The kind of identifier this field holds, for blind indexes: `email`, `phone`, `upn` or
    /// `uln` by format, else the field's name (e.g. `staff_number`). `nil` when the field is not
    /// an identifier.
    public var identifierKind: String? {
        guard identifier else { return nil }
        return format.flatMap { Self.identifierKindsByFormat[$0] } ?? name
    }
}
