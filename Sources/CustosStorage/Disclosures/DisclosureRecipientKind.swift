/// Who received a disclosure not planned in the policy: an organisation, never a private person.
public enum DisclosureRecipientKind: String, Sendable, Codable, CaseIterable {
    case police
    case socialCare = "social_care"
    /// Another school, college or academy trust.
    case school
    case localAuthority = "local_authority"
    case health
    /// A regulator: the ICO, Ofsted, the Teaching Regulation Agency.
    case regulator
    case court
    case other

    /// A short name for lists.
    public var title: String {
        switch self {
        case .police: "Police"
        case .socialCare: "Social care"
        case .school: "School"
        case .localAuthority: "Local authority"
        case .health: "Health service"
        case .regulator: "Regulator"
        case .court: "Court or tribunal"
        case .other: "Other organisation"
        }
    }
}
