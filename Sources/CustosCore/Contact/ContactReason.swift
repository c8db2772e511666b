/// Why a contact was allowed or denied; the raw value is the stable code integrators see.
public enum ContactReason: String, PolicyKeyword {
    // Allowed
    /// The person gave consent for this purpose, channel and list, and has not withdrawn it.
    case consentGiven = "consent_given"
    /// PECR reg 22(3) (or 22(3A)): an existing customer, the policy meets every condition.
    case softOptIn = "soft_opt_in"
    /// Marketing by post or phone, or to corporate subscribers, on legitimate interests; the
    /// person may object at any time.
    case legitimateInterests = "legitimate_interests"
    /// Not marketing: a message the purpose's lawful basis covers (a booking changed), which
    /// goes even after a marketing opt-out.
    case administrative
    // Denied
    /// The person is not in the workspace any more (erased or merged away).
    case gone
    /// An address of the person is on the suppression list.
    case suppressed
    /// Processing is restricted to storage (Art 18).
    case restricted
    /// The person objected to this purpose (Art 21).
    case objected
    /// The person withdrew consent.
    case consentWithdrawn = "consent_withdrawn"
    /// The purpose rests on consent (or PECR requires it for this channel) and none was given.
    case noConsent = "no_consent"
    /// The purpose has no lawful basis that allows this contact.
    case noLawfulBasis = "no_lawful_basis"
    /// A marketing call without consent to a number on the Telephone Preference Service (PECR reg 21).
    case tpsRegistered = "tps_registered"
    /// A marketing call without consent, with no TPS screening in the last 28 days (PECR reg 21).
    case tpsNotScreened = "tps_not_screened"

    /// Whether this reason allows the contact.
    public var allows: Bool {
        switch self {
        case .consentGiven, .softOptIn, .legitimateInterests, .administrative: true
        default: false
        }
    }

    /// A sentence a DPO can read.
    public var explanation: String {
        switch self {
        case .consentGiven: "Consent was given for this purpose, channel and list and has not been withdrawn."
        case .softOptIn:
            "Soft opt-in (PECR reg 22(3)): an existing customer, marketing of similar services, with a way to refuse at collection and in every message."
        case .legitimateInterests:
            "Legitimate interests: marketing by this channel needs no prior consent, and the person may object at any time."
        case .administrative:
            "An administrative message under the purpose's lawful basis; it is sent even after a marketing opt-out."
        case .gone: "The person was erased or merged into another record."
        case .suppressed: "An address of the person is on the suppression list."
        case .restricted: "Processing is restricted: the data may be stored but not used (UK GDPR Art 18)."
        case .objected: "The person objected to this use of their data (UK GDPR Art 21)."
        case .consentWithdrawn: "The person withdrew their consent."
        case .noConsent: "This contact needs consent, and none was given."
        case .noLawfulBasis: "The purpose has no lawful basis for this contact."
        case .tpsRegistered:
            "The number is registered with the Telephone Preference Service: no marketing calls without the person's consent (PECR reg 21)."
        case .tpsNotScreened:
            "No TPS list was screened in the last 28 days: marketing calls wait until the numbers are screened (PECR reg 21)."
        }
    }
}
