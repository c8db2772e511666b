/// Who may read, change or authorise which records, from the policy's access rules. The one
/// place these rules are decided.
///
/// The DPO and admins reach every record of the workspace; an auditor reads every record and
/// changes none. Every other role reaches only what an access rule grants it: no rule, no access.
/// Several rules for the same role and type add up: the union of their fields, the widest scope.
public struct RecordAccess: Sendable {
    public let rules: [AccessRule]

    public init(policy: Policy) {
        rules = policy.access
    }

    /// What `role` may do with records of `type` for `action`, or nil when it may not.
    public func grant(to role: StaffRole, _ action: AccessAction, recordType type: String) -> AccessGrant? {
        switch role {
        case .dpo, .admin:
            return AccessGrant(fields: nil, scope: .workspace)
        case .auditor:
            return action == .read ? AccessGrant(fields: nil, scope: .workspace) : nil
        case .staff, .schoolLeader, .trainer:
            let matching = rules.filter { $0.role == role && $0.recordTypes.contains(type) && $0.can.contains(action) }
            guard !matching.isEmpty else { return nil }
            let fields: Set<String>? =
                matching.contains { $0.fields.isEmpty } ? nil : Set(matching.flatMap(\.fields))
            let scope: AccessScope =
                matching.contains { $0.scope == .workspace } ? .workspace : matching[0].scope
            return AccessGrant(fields: fields, scope: scope)
        }
    }

    /// Whether `role` reaches any record type for `action` (it may search for people).
    public func reachesAnything(_ role: StaffRole, _ action: AccessAction, recordTypes: [String]) -> Bool {
        recordTypes.contains { grant(to: role, action, recordType: $0) != nil }
    }
}
