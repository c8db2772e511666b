extension RecordField {
    /// The kind of identifier this field holds, for blind indexes: `email`, `phone`, `upn` or
    /// `uln` by format (so that a contact's email and a booking's email find the same person),
    /// else the field's name (e.g. `staff_number`). `nil` when the field is not an identifier.
    public var identifierKind: String? {
        guard identifier else { return nil }
        switch format {
        case .email: return "email"
        case .ukPhone: return "phone"
        case .upn: return "upn"
        case .uln: return "uln"
        default: return name
        }
    }
}
