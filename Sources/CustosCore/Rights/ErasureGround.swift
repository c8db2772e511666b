/// The grounds on which a person may have their data erased (UK GDPR Art 17(1)). The ground relied
/// on is recorded with the erasure and printed on its certificate.
public enum ErasureGround: String, PolicyKeyword {
    /// (a) The data is no longer necessary for the purposes it was collected for.
    case noLongerNecessary = "no_longer_necessary"
    /// (b) The person withdrew the consent it rested on, and there is no other lawful ground.
    case consentWithdrawn = "consent_withdrawn"
    /// (c) The person objected under Art 21(1) and there are no overriding legitimate grounds, or
    /// objected to direct marketing under Art 21(2).
    case objection
    /// (d) The data was processed unlawfully.
    case unlawful
    /// (e) A legal obligation requires its erasure.
    case legalObligation = "legal_obligation"
    /// (f) It was collected when offering an online service to a child (Art 8).
    case childOnlineService = "child_online_service"
    /// (g) An allegation made by a malicious person, investigated, with no further action
    /// (Victims and Prisoners Act 2024 s.31).
    case maliciousAllegation = "malicious_allegation"

    /// The legal reference, e.g. `UK GDPR Art 17(1)(b)`.
    public var reference: String {
        let point =
            switch self {
            case .noLongerNecessary: "a"
            case .consentWithdrawn: "b"
            case .objection: "c"
            case .unlawful: "d"
            case .legalObligation: "e"
            case .childOnlineService: "f"
            case .maliciousAllegation: "g"
            }
        return "UK GDPR Art 17(1)(\(point))"
    }

    /// The ground as the certificate says it to the person.
    public var plainEnglish: String {
        switch self {
        case .noLongerNecessary: "we no longer need the data for the purposes we collected it for"
        case .consentWithdrawn: "you withdrew your consent and we have no other lawful ground to keep it"
        case .objection: "you objected and we have no overriding grounds to carry on"
        case .unlawful: "the data should not have been processed"
        case .legalObligation: "the law requires us to erase it"
        case .childOnlineService: "it was collected when offering an online service to a child"
        case .maliciousAllegation: "it records an allegation that was investigated and needed no further action"
        }
    }
}
