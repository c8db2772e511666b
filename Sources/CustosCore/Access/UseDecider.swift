/// The door's decision: whether a role may use a person's records of a type for a purpose, by
/// the policy, the role's access rules and the person's consent, restrictions and objections;
/// and, when it may, which fields to leave out. The one place these are decided.
///
/// In order: the purpose must be the policy's; the record type kept for it; the role allowed it
/// (``RolePurposeRule``); then the person's objection, restriction and consent. An allowed use
/// leaves out the fields used for other purposes only, and, for a purpose that uses data
/// pseudonymised or anonymised, the fields that identify a person who has not consented to be
/// identified.
public struct UseDecider: Sendable {
    public let policy: Policy
    public let rules: [any UseRule]

    public init(policy: Policy) {
        self.policy = policy
        rules = [RecordTypePurposeRule(), RolePurposeRule(), ObjectionRule(), RestrictionRule(), ConsentRule()]
    }

    /// The decision on `use` of the records of a person standing as `standing`.
    public func decide(_ use: DataUse, standing: PersonStanding) -> UseDecision {
        guard let recordType = policy.recordType(use.recordType) else {
            return .refused(UseRefusal(.purposeNotAllowed, "the policy has no record type '\(use.recordType)'"))
        }
        guard let purpose = policy.purpose(use.purpose) else {
            return .refused(unknownPurpose(use.purpose, role: use.role, action: use.action))
        }
        for rule in rules {
            if let refusal = rule.check(
                use, purpose: purpose, recordType: recordType, standing: standing, policy: policy)
            {
                return .refused(refusal)
            }
        }
        return .allowed(withheld: withheld(recordType, purpose: purpose, standing: standing))
    }

    /// The refusal of a purpose the policy does not have, listing those `role` may use.
    public func unknownPurpose(_ asked: String, role: StaffRole, action: AccessAction) -> UseRefusal {
        let usable = purposes(of: role, action)
        return UseRefusal(
            .unknownPurpose,
            "purpose: the policy has no purpose '\(String(asked.prefix(60)))'; the \(role.rawValue) role may \(action.rawValue) for \(usable.isEmpty ? "none" : usable.joined(separator: ", "))"
        )
    }

    /// The refusal of a use that names no purpose, listing those `role` may use.
    public func purposeRequired(role: StaffRole, action: AccessAction) -> UseRefusal {
        let usable = purposes(of: role, action)
        return UseRefusal(
            .purposeRequired,
            "purpose: name the purpose of this use; the \(role.rawValue) role may \(action.rawValue) for \(usable.isEmpty ? "none" : usable.joined(separator: ", "))"
        )
    }

    /// Every purpose `role` may use some record type for, to do `action`, in the policy's order.
    public func purposes(of role: StaffRole, _ action: AccessAction) -> [String] {
        let usable = Set(
            policy.recordTypes.flatMap { RolePurposeRule.purposes(of: role, action, recordType: $0, policy: policy) })
        return policy.purposes.map(\.id).filter(usable.contains)
    }

    /// The fields of `recordType` left out of a use for `purpose`.
    func withheld(_ recordType: RecordType, purpose: Purpose, standing: PersonStanding) -> Set<String> {
        var withheld = Set(
            recordType.fields.filter { !$0.purposes.isEmpty && !$0.purposes.contains(purpose.id) }.map(\.name))
        let use = purpose.use ?? .identified
        let identified = use == .identified || standing.consentInForce(for: purpose.id)
        if !identified {
            for field in recordType.fields where field.identifiesDirectly {
                if use == .pseudonymised, field.pseudonymise { continue }
                withheld.insert(field.name)
            }
        }
        return withheld
    }
}
