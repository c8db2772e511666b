/// Adequacy is relied on only for a country the UK has made adequacy regulations for.
public struct TransferAdequacyRule: PolicyRule {
    public let id = "transfer-adequacy"
    public let severity = FindingSeverity.warning
    public let reference = "DPA 2018 s.17A"
    public let summary = "Adequacy is relied on only for a country with UK adequacy regulations."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.recipients.enumerated().compactMap { index, recipient in
            guard recipient.isOutsideUK, recipient.transfer?.mechanism == .adequacy,
                !UKAdequacy.countries.contains(recipient.countryCode)
            else { return nil }
            return RuleViolation(
                .recipient(index).key("transfer").key("mechanism"),
                "The transfer to '\(recipient.id)' relies on adequacy, but the UK has no adequacy regulations for \(recipient.countryCode). Use a safeguard such as the IDTA."
            )
        }
    }
}
