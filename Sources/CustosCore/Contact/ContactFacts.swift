/// What the contact decision needs to know about one person, none of it personal data in clear.
public struct ContactFacts: Sendable {
    /// The person was erased or merged away: there is no one to contact.
    public var isGone: Bool
    public var consents: ConsentLedger
    public var processing: [ProcessingStateEntry]
    /// The widest suppression of any of the person's addresses, if one is on the list.
    public var suppression: SuppressionScope?
    /// Whether the person's details came from a sale or negotiations for one (a record of a type
    /// used for a contract purpose), the first condition of the soft opt-in.
    public var isCustomer: Bool
    /// What the TPS says of the person's numbers, for marketing calls.
    public var telephonePreference: TelephonePreference

    public init(
        isGone: Bool = false, consents: ConsentLedger = ConsentLedger([]), processing: [ProcessingStateEntry] = [],
        suppression: SuppressionScope? = nil, isCustomer: Bool = false,
        telephonePreference: TelephonePreference = .notScreened
    ) {
        self.isGone = isGone
        self.consents = consents
        self.processing = processing
        self.suppression = suppression
        self.isCustomer = isCustomer
        self.telephonePreference = telephonePreference
    }
}
