/// The exemptions of DPA 2018 Schedule 2 Part 1 that allow personal data to be disclosed where the
/// usual rules (telling the person, using it only for the purpose it was collected for) would
/// prevent it.
public enum DisclosureExemption: String, Sendable, Codable, CaseIterable {
    /// For the prevention or detection of crime, or the apprehension or prosecution of offenders.
    case crimePrevention = "crime_prevention"
    /// Required by an enactment, a rule of law or an order of a court or tribunal.
    case requiredByLaw = "required_by_law"
    /// Necessary for legal proceedings, legal advice, or establishing, exercising or defending
    /// legal rights.
    case legalProceedings = "legal_proceedings"
    /// For a regulator's functions designed to protect the public (Ofsted, the Charity
    /// Commission, the Teaching Regulation Agency).
    case regulatoryFunctions = "regulatory_functions"

    /// The legal reference.
    public var reference: String {
        switch self {
        case .crimePrevention: "DPA 2018 Sch 2 para 2"
        case .requiredByLaw: "DPA 2018 Sch 2 para 5(1)"
        case .legalProceedings: "DPA 2018 Sch 2 para 5(2)-(3)"
        case .regulatoryFunctions: "DPA 2018 Sch 2 para 7"
        }
    }

    /// What it allows, for people to read.
    public var plainEnglish: String {
        switch self {
        case .crimePrevention: "to prevent or detect crime"
        case .requiredByLaw: "because the law or a court required it"
        case .legalProceedings: "for legal proceedings or legal advice"
        case .regulatoryFunctions: "for a regulator's work to protect the public"
        }
    }
}
