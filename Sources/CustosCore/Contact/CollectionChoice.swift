/// A choice a form made from the policy offers about one purpose of what it collects, as its own
/// unticked box: a consent to give, for a purpose resting on consent (silence or a ticked box is
/// not consent: UK GDPR Art 4(11), recital 32), or, for marketing sent under the soft opt-in, the
/// chance to refuse it when the details are collected (PECR reg 22(3)(c): "unless you tell us
/// otherwise"). A purpose on any other basis offers no choice here: the notice and the rights
/// to object cover it.
public struct CollectionChoice: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Ticking gives consent.
        case consent
        /// Ticking refuses marketing under the soft opt-in.
        case optOut = "opt-out"
    }

    /// The purpose's id.
    public let purpose: String
    public let kind: Kind
    /// What the box says.
    public let label: String
    /// Said beneath it: what the purpose is, and how to change one's mind.
    public let hint: String?

    /// The value a ticked box sends: the kind and the purpose.
    public var value: String { "\(kind.rawValue):\(purpose)" }

    /// The choices a form collecting records of `type` offers, in the order of its purposes.
    public static func choices(for type: RecordType, in policy: Policy) -> [CollectionChoice] {
        type.purposes.compactMap { id -> CollectionChoice? in
            guard let purpose = policy.purpose(id) else { return nil }
            if purpose.reliesOnConsent {
                return CollectionChoice(
                    purpose: id, kind: .consent, label: purpose.consent?.wording ?? "Yes: \(purpose.name)",
                    hint: [purpose.description, purpose.consent?.withdraw].compactMap { $0 }.joined(separator: " ")
                        .nonBlank)
            }
            if purpose.marketing?.softOptIn?.optOutAtCollection == true {
                return CollectionChoice(
                    purpose: id, kind: .optOut, label: "Do not use my details for: \(purpose.name)",
                    hint: purpose.description)
            }
            return nil
        }
    }

    /// The choices of `choices` that `values` (the boxes ticked) made; others are ignored.
    public static func made(_ values: [String], among choices: [CollectionChoice]) -> [CollectionChoice] {
        choices.filter { values.contains($0.value) }
    }
}
