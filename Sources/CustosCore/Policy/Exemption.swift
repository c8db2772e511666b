/// Grounds on which an item may be withheld from an access request (DPA 2018 Schedules 2–4).
public enum Exemption: String, PolicyKeyword {
    case otherPeoplesData = "other_peoples_data"
    case seriousHarm = "serious_harm"
    case crimePrevention = "crime_prevention"
    case legalPrivilege = "legal_privilege"
    case confidentialReferences = "confidential_references"
    case childAbuseInformation = "child_abuse_information"
    case courtReports = "court_reports"

    public var plainEnglish: String {
        switch self {
        case .otherPeoplesData: "information about other people, unless they agree or it is reasonable to share it"
        case .seriousHarm:
            "information that professionals think would cause serious harm to your or someone else's physical or mental health"
        case .crimePrevention: "information that would prejudice the prevention or detection of crime"
        case .legalPrivilege: "legally privileged information"
        case .confidentialReferences: "confidential references we have given"
        case .childAbuseInformation:
            "information about child abuse, where disclosure would not be in the child's best interests"
        case .courtReports: "reports written for court proceedings"
        }
    }

    public var reference: String {
        switch self {
        case .otherPeoplesData: "DPA 2018 Sch 2 para 16"
        case .seriousHarm: "DPA 2018 Sch 3 paras 5 and 19"
        case .crimePrevention: "DPA 2018 Sch 2 para 2"
        case .legalPrivilege: "DPA 2018 Sch 2 para 19"
        case .confidentialReferences: "DPA 2018 Sch 2 para 24"
        case .childAbuseInformation: "DPA 2018 Sch 3 para 21"
        case .courtReports: "DPA 2018 Sch 3 para 20"
        }
    }

    /// Whether the person is told that something was withheld on this ground. Saying so would itself
    /// prejudice the prevention or detection of crime, or harm a child, so for those it is not said.
    public var isDisclosed: Bool {
        switch self {
        case .crimePrevention, .childAbuseInformation: false
        default: true
        }
    }
}
