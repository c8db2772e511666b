/// The conditions of DPA 2018 Schedule 1, Parts 1 and 2, that Article 9(2)(b), (g), (h), (i) and (j)
/// rely on (DPA 2018 s.10).
public enum Schedule1Condition: String, PolicyKeyword {
    // Part 1: conditions relating to employment, health and research.
    case employment
    case healthOrSocialCare = "health_or_social_care"
    case publicHealth = "public_health"
    case research
    // Part 2: substantial public interest conditions.
    case statutoryPurposes = "statutory_purposes"
    case administrationOfJustice = "administration_of_justice"
    case equality
    case racialDiversityAtSeniorLevels = "racial_diversity_at_senior_levels"
    case preventingUnlawfulActs = "preventing_unlawful_acts"
    case protectingAgainstDishonesty = "protecting_against_dishonesty"
    case regulatoryRequirements = "regulatory_requirements"
    case journalismAboutUnlawfulActs = "journalism_about_unlawful_acts"
    case preventingFraud = "preventing_fraud"
    case terroristFinancing = "terrorist_financing"
    case disabilitySupport = "disability_support"
    case counselling
    case safeguarding
    case safeguardingEconomicWellBeing = "safeguarding_economic_well_being"
    case insurance
    case occupationalPensions = "occupational_pensions"
    case politicalParties = "political_parties"
    case electedRepresentatives = "elected_representatives"
    case disclosureToElectedRepresentatives = "disclosure_to_elected_representatives"
    case informingElectedRepresentativesAboutPrisoners = "informing_elected_representatives_about_prisoners"
    case publicationOfLegalJudgments = "publication_of_legal_judgments"
    case antiDoping = "anti_doping"
    case standardsOfBehaviourInSport = "standards_of_behaviour_in_sport"

    /// The Part of Schedule 1: 1 or 2.
    public var part: Int { paragraph <= 4 ? 1 : 2 }

    /// The paragraph of Schedule 1.
    public var paragraph: Int {
        switch self {
        case .employment: 1
        case .healthOrSocialCare: 2
        case .publicHealth: 3
        case .research: 4
        case .statutoryPurposes: 6
        case .administrationOfJustice: 7
        case .equality: 8
        case .racialDiversityAtSeniorLevels: 9
        case .preventingUnlawfulActs: 10
        case .protectingAgainstDishonesty: 11
        case .regulatoryRequirements: 12
        case .journalismAboutUnlawfulActs: 13
        case .preventingFraud: 14
        case .terroristFinancing: 15
        case .disabilitySupport: 16
        case .counselling: 17
        case .safeguarding: 18
        case .safeguardingEconomicWellBeing: 19
        case .insurance: 20
        case .occupationalPensions: 21
        case .politicalParties: 22
        case .electedRepresentatives: 23
        case .disclosureToElectedRepresentatives: 24
        case .informingElectedRepresentativesAboutPrisoners: 25
        case .publicationOfLegalJudgments: 26
        case .antiDoping: 27
        case .standardsOfBehaviourInSport: 28
        }
    }

    /// The legal reference, e.g. `DPA 2018 Sch 1 Pt 2 para 18`.
    public var reference: String { "DPA 2018 Sch 1 Pt \(part) para \(paragraph)" }

    /// The paragraph's heading in the Act.
    public var title: String {
        switch self {
        case .employment: "Employment, social security and social protection"
        case .healthOrSocialCare: "Health or social care purposes"
        case .publicHealth: "Public health"
        case .research: "Research etc"
        case .statutoryPurposes: "Statutory and government purposes"
        case .administrationOfJustice: "Administration of justice and parliamentary purposes"
        case .equality: "Equality of opportunity or treatment"
        case .racialDiversityAtSeniorLevels: "Racial and ethnic diversity at senior levels of organisations"
        case .preventingUnlawfulActs: "Preventing or detecting unlawful acts"
        case .protectingAgainstDishonesty: "Protecting the public against dishonesty etc"
        case .regulatoryRequirements: "Regulatory requirements relating to unlawful acts and dishonesty etc"
        case .journalismAboutUnlawfulActs: "Journalism etc in connection with unlawful acts and dishonesty etc"
        case .preventingFraud: "Preventing fraud"
        case .terroristFinancing: "Suspicion of terrorist financing or money laundering"
        case .disabilitySupport: "Support for individuals with a particular disability or medical condition"
        case .counselling: "Counselling etc"
        case .safeguarding: "Safeguarding of children and of individuals at risk"
        case .safeguardingEconomicWellBeing: "Safeguarding of economic well-being of certain individuals"
        case .insurance: "Insurance"
        case .occupationalPensions: "Occupational pensions"
        case .politicalParties: "Political parties"
        case .electedRepresentatives: "Elected representatives responding to requests"
        case .disclosureToElectedRepresentatives: "Disclosure to elected representatives"
        case .informingElectedRepresentativesAboutPrisoners: "Informing elected representatives about prisoners"
        case .publicationOfLegalJudgments: "Publication of legal judgments"
        case .antiDoping: "Anti-doping in sport"
        case .standardsOfBehaviourInSport: "Standards of behaviour in sport"
        }
    }

    /// Whether relying on the condition needs an appropriate policy document: Part 1 para 1, and
    /// the Part 2 conditions through para 5 (DPA 2018 Sch 1 paras 1(1)(b), 5, 39).
    public var needsAppropriatePolicyDocument: Bool {
        self == .employment || part == 2
    }
}
