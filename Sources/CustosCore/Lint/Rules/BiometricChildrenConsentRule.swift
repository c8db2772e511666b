/// Schools and colleges may use a child's biometric data only with a parent's written consent,
/// no parent objecting, and the child not objecting.
public struct BiometricChildrenConsentRule: PolicyRule {
    public let id = "biometric-children-consent"
    public let severity = FindingSeverity.error
    public let reference = "Protection of Freedoms Act 2012 ss.26–28"
    public let summary = "Children's biometric data is used only with a parent's written consent."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.purposes.enumerated().compactMap { index, purpose in
            let childBiometrics = policy.fields(for: purpose).filter { field in
                policy.specialCategory(of: field.field.category) == .biometric
                    && (field.role.flatMap { policy.subject($0.subject) }?.children ?? false)
            }
            guard !childBiometrics.isEmpty, !(purpose.reliesOnConsent && (purpose.consent?.parental ?? false)) else {
                return nil
            }
            return RuleViolation(
                .purpose(index).key("consent"),
                "The purpose '\(purpose.id)' uses children's biometric data (\(childBiometrics.map(\.field.displayLabel).joined(separator: ", "))) without a parent's written consent; each parent must be told, the child's objection overrides, and an alternative must be offered."
            )
        }
    }
}
