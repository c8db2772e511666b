/// The grounds on which a person may have processing restricted (UK GDPR Art 18(1)): their data is
/// then only stored until the restriction is lifted, and they are told before it is.
public enum RestrictionGround: String, PolicyKeyword {
    /// (a) They contest its accuracy, while it is checked.
    case accuracyContested = "accuracy_contested"
    /// (b) It was processed unlawfully, and they ask for restriction instead of erasure.
    case unlawful
    /// (c) The controller no longer needs it, but they need it for a legal claim.
    case legalClaims = "legal_claims"
    /// (d) They objected under Art 21(1), while the grounds are weighed.
    case objectionPending = "objection_pending"

    /// The legal reference, e.g. `UK GDPR Art 18(1)(a)`.
    public var reference: String {
        let point =
            switch self {
            case .accuracyContested: "a"
            case .unlawful: "b"
            case .legalClaims: "c"
            case .objectionPending: "d"
            }
        return "UK GDPR Art 18(1)(\(point))"
    }
}
