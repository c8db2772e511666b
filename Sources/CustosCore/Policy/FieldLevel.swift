/// Whether a field must be given. ASSET's import distinguishes recommended fields: optional, but
/// reports need them.
public enum FieldLevel: String, PolicyKeyword, ImpliedWhenAbsent {
    case required
    case recommended
    case optional

    static var impliedValue: FieldLevel { .optional }
}
