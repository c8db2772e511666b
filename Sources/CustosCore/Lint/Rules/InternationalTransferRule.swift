/// Data may leave the UK only under adequacy regulations, an appropriate safeguard or an exception.
public struct InternationalTransferRule: PolicyRule {
    public let id = "international-transfer"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Arts 44–49, 13(1)(f)"
    public let summary = "A recipient outside the UK has adequacy or a transfer safeguard."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.recipients.enumerated().compactMap { index, recipient in
            guard recipient.isOutsideUK, recipient.transfer == nil else { return nil }
            return RuleViolation(
                .recipient(index).key("transfer"),
                "The recipient '\(recipient.id)' (\(recipient.name)) is in \(recipient.countryCode), outside the UK, with no adequacy or transfer safeguard recorded."
            )
        }
    }
}
