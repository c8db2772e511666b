/// How a transfer outside the UK is made lawful (UK GDPR Arts 45–49).
public enum TransferMechanism: String, PolicyKeyword {
    /// UK adequacy regulations for the country (DPA 2018 s.17A).
    case adequacy
    /// The ICO's International Data Transfer Agreement.
    case idta
    /// The UK Addendum to the EU standard contractual clauses.
    case ukAddendum = "uk_addendum"
    case bindingCorporateRules = "binding_corporate_rules"
    /// An Art 49 exception (derogation) for a specific situation.
    case derogation

    public var title: String {
        switch self {
        case .adequacy: "UK adequacy regulations"
        case .idta: "International Data Transfer Agreement"
        case .ukAddendum: "UK Addendum to the EU standard contractual clauses"
        case .bindingCorporateRules: "Binding corporate rules"
        case .derogation: "Exception for a specific situation (Art 49)"
        }
    }

    /// Whether the mechanism is an appropriate safeguard whose copy people may ask for (Art 13(1)(f)).
    public var isSafeguard: Bool {
        self == .idta || self == .ukAddendum || self == .bindingCorporateRules
    }
}
