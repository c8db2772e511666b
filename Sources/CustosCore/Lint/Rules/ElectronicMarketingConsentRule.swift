/// Email and SMS marketing to individuals needs consent, or the soft opt-in with all its conditions.
public struct ElectronicMarketingConsentRule: PolicyRule {
    public let id = "electronic-marketing-consent"
    public let severity = FindingSeverity.error
    public let reference = "PECR reg 22"
    public let summary = "Email or SMS marketing to individuals has valid consent or meets every soft opt-in condition."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.purposes.enumerated().compactMap { index, purpose in
            guard let marketing = purpose.marketing, marketing.usesElectronicMail, marketing.subscriber == .individual
            else { return nil }
            let validConsent = purpose.lawfulBasis == .consent && (purpose.consent?.mechanism ?? .optIn).isValid
            guard !validConsent, !(marketing.softOptIn?.isComplete ?? false) else { return nil }
            var missing: [String] = []
            if let soft = marketing.softOptIn {
                if !soft.charity && !soft.detailsFromSale {
                    missing.append("details were not obtained in a sale or negotiation")
                }
                if !soft.charity && !soft.similarProducts {
                    missing.append("it is not only for similar products and services")
                }
                if !soft.optOutAtCollection { missing.append("no opt-out when the details were collected") }
                if !soft.optOutInEveryMessage { missing.append("no opt-out in every message") }
            }
            let detail = missing.isEmpty ? "" : " The soft opt-in does not apply: \(missing.joined(separator: "; "))."
            return RuleViolation(
                .purpose(index).key("marketing"),
                "The purpose '\(purpose.id)' sends marketing by email or SMS to individuals without valid consent.\(detail)"
            )
        }
    }
}
