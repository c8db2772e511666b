/// The conditions of UK GDPR Article 9(2) for processing special-category data.
public enum Article9Condition: String, PolicyKeyword {
    case explicitConsent = "explicit_consent"
    case employment
    case vitalInterests = "vital_interests"
    case notForProfitBody = "not_for_profit_body"
    case madePublic = "made_public"
    case legalClaims = "legal_claims"
    case substantialPublicInterest = "substantial_public_interest"
    case healthOrSocialCare = "health_or_social_care"
    case publicHealth = "public_health"
    case archivingResearchStatistics = "archiving_research_statistics"

    /// The point of Article 9(2): `a` to `j`.
    public var point: String {
        switch self {
        case .explicitConsent: "a"
        case .employment: "b"
        case .vitalInterests: "c"
        case .notForProfitBody: "d"
        case .madePublic: "e"
        case .legalClaims: "f"
        case .substantialPublicInterest: "g"
        case .healthOrSocialCare: "h"
        case .publicHealth: "i"
        case .archivingResearchStatistics: "j"
        }
    }

    /// The legal reference, e.g. `UK GDPR Art 9(2)(g)`.
    public var reference: String { "UK GDPR Art 9(2)(\(point))" }

    /// What the condition means, in plain words.
    public var plainEnglish: String {
        switch self {
        case .explicitConsent: "you have given your explicit consent"
        case .employment: "it is needed for employment, social security or social protection law"
        case .vitalInterests: "it is needed to protect someone's life when they cannot consent"
        case .notForProfitBody: "we are a not-for-profit body and it concerns our members"
        case .madePublic: "you have made the information public yourself"
        case .legalClaims: "it is needed for legal claims"
        case .substantialPublicInterest: "it is necessary for reasons of substantial public interest set out in law"
        case .healthOrSocialCare: "it is needed for health or social care"
        case .publicHealth: "it is needed for public health"
        case .archivingResearchStatistics: "it is needed for archiving, research or statistics"
        }
    }

    /// Which DPA 2018 Schedule 1 conditions this condition needs (DPA 2018 s.10): none for most,
    /// a Part 1 condition for (b), (h), (i) and (j), a Part 2 condition for (g).
    public var schedule1Conditions: Set<Schedule1Condition>? {
        switch self {
        case .employment: [.employment]
        case .healthOrSocialCare: [.healthOrSocialCare]
        case .publicHealth: [.publicHealth]
        case .archivingResearchStatistics: [.research]
        case .substantialPublicInterest: Set(Schedule1Condition.allCases.filter { $0.part == 2 })
        default: nil
        }
    }

    /// The label fideslang uses for this condition in a privacy declaration.
    public var fideslangLabel: String {
        switch self {
        case .explicitConsent: "Explicit consent"
        case .employment: "Employment, social security and social protection"
        case .vitalInterests: "Vital interests"
        case .notForProfitBody: "Not-for-profit bodies"
        case .madePublic: "Made public by the data subject"
        case .legalClaims: "Legal claims or judicial acts"
        case .substantialPublicInterest: "Reasons of substantial public interest (with a basis in law)"
        case .healthOrSocialCare: "Health or social care (with a basis in law)"
        case .publicHealth: "Public health (with a basis in law)"
        case .archivingResearchStatistics: "Archiving, research and statistics (with a basis in law)"
        }
    }
}
