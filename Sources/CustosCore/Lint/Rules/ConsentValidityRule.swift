/// Consent is a clear affirmative act, freely given; bundled, implied, pre-ticked or opt-out
/// "consent" is not consent.
public struct ConsentValidityRule: PolicyRule {
    public let id = "consent-not-freely-given"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 4(11), 7(2), 7(4)"
    public let summary = "Consent is obtained by a clear, separate opt-in."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.purposes.enumerated().compactMap { index, purpose in
            guard purpose.reliesOnConsent, let mechanism = purpose.consent?.mechanism, !mechanism.isValid else {
                return nil
            }
            let why =
                switch mechanism {
                case .bundled: "is made a condition of something else"
                case .implied: "is read into what people do"
                case .preTicked: "uses a pre-ticked box"
                case .optOut: "assumes agreement unless people object"
                case .optIn: ""
                }
            return RuleViolation(
                .purpose(index).key("consent").key("mechanism"),
                "The purpose '\(purpose.id)' rests on consent that \(why). Consent must be a separate, clear opt-in; ask for it properly or use another lawful basis."
            )
        }
    }
}
