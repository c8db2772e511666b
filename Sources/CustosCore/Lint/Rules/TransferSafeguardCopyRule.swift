/// Where a transfer rests on a safeguard, the notice must say how to get a copy of it.
public struct TransferSafeguardCopyRule: PolicyRule {
    public let id = "transfer-safeguard-copy"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 13(1)(f), 14(1)(f)"
    public let summary = "A transfer safeguard says how to obtain a copy."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.recipients.enumerated().compactMap { index, recipient in
            guard recipient.isOutsideUK, let transfer = recipient.transfer, transfer.mechanism.isSafeguard,
                transfer.copy?.nonBlank == nil
            else { return nil }
            return RuleViolation(
                .recipient(index).key("transfer").key("copy"),
                "The transfer to '\(recipient.id)' rests on the \(transfer.mechanism.title) but does not say how people can get a copy of it."
            )
        }
    }
}
