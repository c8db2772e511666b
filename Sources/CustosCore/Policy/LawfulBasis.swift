/// The lawful bases of UK GDPR Article 6(1), including (ea), recognised legitimate interests
/// (Data (Use and Access) Act 2025 s.70, in force 5 February 2026).
public enum LawfulBasis: String, PolicyKeyword {
    case consent
    case contract
    case legalObligation = "legal_obligation"
    case vitalInterests = "vital_interests"
    case publicTask = "public_task"
    case recognisedLegitimateInterest = "recognised_legitimate_interest"
    case legitimateInterests = "legitimate_interests"

    /// The point of Article 6(1): `a` to `f`, with `ea`.
    public var point: String {
        switch self {
        case .consent: "a"
        case .contract: "b"
        case .legalObligation: "c"
        case .vitalInterests: "d"
        case .publicTask: "e"
        case .recognisedLegitimateInterest: "ea"
        case .legitimateInterests: "f"
        }
    }

    /// The legal reference, e.g. `UK GDPR Art 6(1)(b)`.
    public var reference: String { "UK GDPR Art 6(1)(\(point))" }

    /// A short name for tables.
    public var title: String {
        switch self {
        case .consent: "Consent"
        case .contract: "Contract"
        case .legalObligation: "Legal obligation"
        case .vitalInterests: "Vital interests"
        case .publicTask: "Public task"
        case .recognisedLegitimateInterest: "Recognised legitimate interest"
        case .legitimateInterests: "Legitimate interests"
        }
    }

    /// What the basis means, as a notice says it to the person.
    public var plainEnglish: String {
        switch self {
        case .consent: "you have given us your consent"
        case .contract: "we need it to carry out a contract with you, or to do something you asked before entering one"
        case .legalObligation: "the law requires us to"
        case .vitalInterests: "we need it to protect your life or someone else's"
        case .publicTask: "we need it to carry out our official functions or a task in the public interest"
        case .recognisedLegitimateInterest: "it is necessary for a legitimate interest that the law recognises"
        case .legitimateInterests:
            "it is necessary for our legitimate interests, and your interests do not override them"
        }
    }

    /// Whether this basis is one of the two legitimate-interest bases, which public authorities
    /// cannot use for their tasks (Art 6(1), final words; DUAA s.70(2)(c)).
    public var isLegitimateInterest: Bool {
        self == .legitimateInterests || self == .recognisedLegitimateInterest
    }
}
