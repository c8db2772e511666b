/// Subject access is free, save a reasonable fee for manifestly unfounded or excessive requests or
/// further copies.
public struct SubjectAccessFeeRule: PolicyRule {
    public let id = "sar-fee"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 12(5), 15(3)"
    public let summary = "No fee is charged for an ordinary subject access request."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        guard let index = policy.rights.fees.firstIndex(of: .everyRequest) else { return [] }
        return [
            RuleViolation(
                .rights.key("fees").index(index),
                "A fee is charged for every subject access request. Access is free; a reasonable fee is allowed only for manifestly unfounded or excessive requests or for further copies."
            )
        ]
    }
}
