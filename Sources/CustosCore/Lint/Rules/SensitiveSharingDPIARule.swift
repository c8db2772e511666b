/// Sharing special-category or children's data is high-risk processing that should have a DPIA,
/// save statutory sharing with a public body (a purpose on a legal obligation).
public struct SensitiveSharingDPIARule: PolicyRule {
    public let id = "dpia-sensitive-sharing"
    public let severity = FindingSeverity.warning
    public let reference = "UK GDPR Art 35"
    public let summary = "Sharing special-category or children's data with a recipient has a DPIA reference."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.recipients.enumerated().compactMap { index, recipient in
            guard recipient.dpia?.nonBlank == nil else { return nil }
            var kinds: [String] = []
            for purpose in policy.purposes(sharingWith: recipient) where purpose.dpia?.nonBlank == nil {
                // Sharing a law requires with a public body (the census with the DfE) is the law's
                // own decision, assessed when it was made; no DPIA of the school's is asked for.
                if recipient.kind == .publicBody, purpose.lawfulBasis == .legalObligation { continue }
                if !policy.specialFields(for: purpose).isEmpty, !kinds.contains("special-category") {
                    kinds.append("special-category")
                }
                if policy.processesChildrensData(purpose), !kinds.contains("children's") { kinds.append("children's") }
            }
            guard !kinds.isEmpty else { return nil }
            return RuleViolation(
                .recipient(index).key("dpia"),
                "'\(recipient.id)' (\(recipient.name)) receives \(kinds.joined(separator: " and ")) data, but neither it nor the purposes that share with it name a DPIA."
            )
        }
    }
}
