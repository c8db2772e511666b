/// Why data may be kept despite a request to erase it (UK GDPR Art 17(3)), and the legal holds
/// and statutory retention periods that rest on them.
public enum ErasureExemption: String, PolicyKeyword {
    /// (a) Freedom of expression and information.
    case expression
    /// (b) A legal obligation, a task in the public interest or official authority (statutory
    /// retention periods rest on this).
    case legalObligationOrPublicTask = "legal_obligation_or_public_task"
    /// (c) Public health.
    case publicHealth = "public_health"
    /// (d) Archiving in the public interest, research or statistics (Art 84B).
    case archivingOrResearch = "archiving_or_research"
    /// (e) Establishing, exercising or defending legal claims (legal holds rest on this).
    case legalClaims = "legal_claims"

    /// The legal reference, e.g. `UK GDPR Art 17(3)(e)`.
    public var reference: String {
        let point =
            switch self {
            case .expression: "a"
            case .legalObligationOrPublicTask: "b"
            case .publicHealth: "c"
            case .archivingOrResearch: "d"
            case .legalClaims: "e"
            }
        return "UK GDPR Art 17(3)(\(point))"
    }

    /// The exemption as the certificate says it to the person.
    public var plainEnglish: String {
        switch self {
        case .expression: "it is needed for freedom of expression and information"
        case .legalObligationOrPublicTask: "the law requires us to keep it, or we need it for our public task"
        case .publicHealth: "it is needed for reasons of public health"
        case .archivingOrResearch: "it is kept for archiving, research or statistics"
        case .legalClaims: "it is needed for a legal claim"
        }
    }
}
