/// Puts an identifier typed by someone searching (an email, a phone number, a UPN) in the form
/// records keep it in, so that the search finds it.
public enum IdentifierNormaliser {
    /// The kept form of `value` for an identifier of `kind` (see `RecordField.identifierKind`),
    /// or `nil` when it cannot be one.
    public static func normalise(kind: String, value: String) -> String? {
        let format = RecordField.identifierKindsByFormat.first { $0.value == kind }?.key
        guard case .success(let normalised) = FieldValueNormaliser.normalise(value, as: format), !normalised.isEmpty
        else { return nil }
        return normalised
    }
}
