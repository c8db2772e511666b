/// Special-category data needs an Article 9(2) condition as well as a lawful basis.
public struct SpecialCategoryConditionRule: PolicyRule {
    public let id = "special-category-condition"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 9(1)–(2)"
    public let summary = "A purpose that uses special-category data names an Article 9(2) condition."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        policy.purposes.enumerated().compactMap { index, purpose in
            let special = policy.specialFields(for: purpose)
            guard !special.isEmpty, purpose.specialCategory?.condition == nil else { return nil }
            let names = special.map {
                "\($0.field.displayLabel) (\(policy.specialCategory(of: $0.field.category)?.title ?? ""))"
            }
            return RuleViolation(
                .purpose(index).key("special_category"),
                "The purpose '\(purpose.id)' uses special-category data — \(names.joined(separator: ", ")) — without an Article 9(2) condition."
            )
        }
    }
}
