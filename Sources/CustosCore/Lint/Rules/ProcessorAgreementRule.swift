/// A processor must work under a written contract with the terms of Article 28(3).
public struct ProcessorAgreementRule: PolicyRule {
    public let id = "processor-agreement"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 28(3)"
    public let summary = "Every processor works under a written agreement."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.recipients.enumerated().compactMap { index, recipient in
            guard recipient.kind == .processor, recipient.agreement?.nonBlank == nil else { return nil }
            return RuleViolation(
                .recipient(index).key("agreement"),
                "The processor '\(recipient.id)' (\(recipient.name)) has no agreement recorded. A processor must work under a written contract with the Article 28(3) terms."
            )
        }
    }
}
