/// What may be done with a person's data for a purpose: everything the policy allows, storage
/// only (restricted, UK GDPR Art 18), or nothing more because they objected (Art 21).
public enum ProcessingState: String, PolicyKeyword {
    case active
    case restricted
    case objected
}
