/// What the law still allows with data whose processing the person restricted (UK GDPR Art
/// 18(2)), beyond storing it: each use on such a ground is recorded with a reason.
public enum RestrictedUseGround: String, PolicyKeyword {
    /// The establishment, exercise or defence of legal claims.
    case legalClaims = "legal_claims"
    /// The protection of the rights of another person.
    case protectingAnotherPerson = "protecting_another_person"
    /// Reasons of important public interest.
    case importantPublicInterest = "important_public_interest"

    /// The words of Art 18(2) it stands for.
    public var plainEnglish: String {
        switch self {
        case .legalClaims: "for legal claims"
        case .protectingAnotherPerson: "to protect the rights of another person"
        case .importantPublicInterest: "for reasons of important public interest"
        }
    }
}
