/// Why data is processed, and on which lawful basis.
public struct Purpose: Sendable, Equatable, Decodable {
    /// The identifier record types refer to, e.g. `booking_admin`.
    public var id: String
    /// What the notice calls it, e.g. "Administering your bookings".
    public var name: String
    public var description: String?
    /// The ROPA's "business function", e.g. "Events".
    public var businessFunction: String?
    public var lawfulBasis: LawfulBasis?
    /// The Annex 1 condition, for a recognised legitimate interest.
    public var recognisedInterest: RecognisedInterest?
    /// The legitimate interest pursued, for Art 6(1)(f) (Art 13(1)(d)).
    public var legitimateInterest: String?
    /// Where the legitimate interests assessment is kept.
    public var legitimateInterestAssessment: String?
    /// For a public authority: this processing is outside its public tasks, so legitimate
    /// interests may be used.
    public var outsidePublicTasks: Bool
    /// The Art 9 and Schedule 1 conditions, when the purpose uses special-category data.
    public var specialCategory: SpecialCategoryBasis?
    public var requirement: Requirement?
    /// What happens if the person does not give the data (Art 13(2)(e)).
    public var consequence: String?
    public var consent: ConsentSettings?
    public var marketing: MarketingSettings?
    /// Whether this is an online service offered directly to children (Art 8).
    public var onlineServiceToChildren: Bool
    /// Who receives the data (``Recipient`` ids).
    public var recipients: [String]
    /// Whether the purpose keeps its records when their person asks for erasure (UK GDPR Art
    /// 17(3)(b)). When not said, a purpose on a legal obligation or a public task keeps them; say
    /// `false` for one that needs nothing kept, such as disclosures made only when the law asks.
    public var survivesErasure: Bool?

    /// Whether the purpose keeps its records against an erasure request: as the policy says, or
    /// for a legal obligation or a public task.
    public var keepsRecordsOnErasure: Bool {
        survivesErasure ?? [.legalObligation, .publicTask].contains(lawfulBasis)
    }
    public var automatedDecision: AutomatedDecision?
    /// Whether the purpose uses people identified (the default), or pseudonymised or anonymised
    /// unless they consented to be identified.
    public var use: PurposeUse?
    /// Whether people are profiled for this purpose.
    public var profiling: Bool
    /// The fideslang data use, e.g. `marketing.communications.email`.
    public var dataUse: String?
    /// Where the data protection impact assessment is kept.
    public var dpia: String?
    /// A note that some of this was not stated by the organisation and needs confirming.
    public var assumed: String?

    /// Whether the purpose rests on consent (Art 6(1)(a) or Art 9(2)(a)), so that people can withdraw.
    public var reliesOnConsent: Bool {
        lawfulBasis == .consent || specialCategory?.condition == .explicitConsent
    }
}
