/// A role whose access rules name the purposes they serve uses the data for those purposes only
/// (BEP's school leaders see colleagues for `colleague_visibility` and nothing else).
public struct RolePurposeRule: UseRule {
    public init() {}

    public func check(
        _ use: DataUse, purpose: Purpose, recordType: RecordType, standing: PersonStanding, policy: Policy
    ) -> UseRefusal? {
        let allowed = Self.purposes(of: use.role, use.action, recordType: recordType, policy: policy)
        guard !allowed.contains(purpose.id) else { return nil }
        return UseRefusal(
            .purposeNotAllowed,
            allowed.isEmpty
                ? "the \(use.role.rawValue) role may not \(use.action.rawValue) \(recordType.id) records"
                : "purpose: the \(use.role.rawValue) role may \(use.action.rawValue) \(recordType.id) records only for \(allowed.joined(separator: ", "))"
        )
    }

    /// The purposes `role` may use records of `recordType` for, to do `action`: every purpose of
    /// the type, unless each access rule granting it names a purpose.
    public static func purposes(
        of role: StaffRole, _ action: AccessAction, recordType: RecordType, policy: Policy
    ) -> [String] {
        guard RecordAccess(policy: policy).grant(to: role, action, recordType: recordType.id) != nil else { return [] }
        let rules = policy.access.filter {
            $0.role == role && $0.recordTypes.contains(recordType.id) && $0.can.contains(action)
        }
        if rules.isEmpty || rules.contains(where: { $0.purpose == nil }) { return recordType.purposes }
        let named = Set(rules.compactMap(\.purpose))
        return recordType.purposes.filter(named.contains)
    }
}
