/// What sort of organisation the controller is.
public enum ControllerKind: String, PolicyKeyword {
    case school
    case academyTrust = "academy_trust"
    case localAuthority = "local_authority"
    case association
    case company
    case charity

    /// The kind as a sentence names it.
    public var title: String {
        switch self {
        case .school: "school"
        case .academyTrust: "academy trust"
        case .localAuthority: "local authority"
        case .association: "association"
        case .company: "company"
        case .charity: "charity"
        }
    }
}
