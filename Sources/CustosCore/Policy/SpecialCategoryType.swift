/// The special categories of personal data of UK GDPR Article 9(1).
public enum SpecialCategoryType: String, PolicyKeyword {
    case racialOrEthnicOrigin = "racial_or_ethnic_origin"
    case politicalOpinions = "political_opinions"
    case religiousOrPhilosophicalBeliefs = "religious_or_philosophical_beliefs"
    case tradeUnionMembership = "trade_union_membership"
    case genetic
    case biometric
    case health
    case sexLife = "sex_life"
    case sexualOrientation = "sexual_orientation"

    /// The category as a notice names it.
    public var title: String {
        switch self {
        case .racialOrEthnicOrigin: "racial or ethnic origin"
        case .politicalOpinions: "political opinions"
        case .religiousOrPhilosophicalBeliefs: "religious or philosophical beliefs"
        case .tradeUnionMembership: "trade union membership"
        case .genetic: "genetic data"
        case .biometric: "biometric data"
        case .health: "health"
        case .sexLife: "sex life"
        case .sexualOrientation: "sexual orientation"
        }
    }
}
