/// The conditions of UK GDPR Annex 1 that make a recognised legitimate interest (Art 6(1)(ea)).
public enum RecognisedInterest: String, PolicyKeyword {
    case publicBodyRequest = "public_body_request"
    case nationalSecurity = "national_security"
    case emergencies
    case crime
    case safeguarding
    case democraticEngagement = "democratic_engagement"

    /// What the condition covers.
    public var plainEnglish: String {
        switch self {
        case .publicBodyRequest: "a disclosure a public body asked for, to carry out its public task"
        case .nationalSecurity: "national security, public security or defence"
        case .emergencies: "responding to an emergency"
        case .crime: "detecting, investigating or preventing crime"
        case .safeguarding: "safeguarding a child or an adult at risk"
        case .democraticEngagement: "democratic engagement"
        }
    }
}
