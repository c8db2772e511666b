/// What a role may do beyond reading and changing records, decided here once for the API, the
/// console and the command line.
public enum StaffPower: String, Sendable, Hashable, CaseIterable {
    /// Approve an erasure the policy makes wait for the DPO.
    case approveErasures = "approve_erasures"
    /// Record compelling grounds to carry on despite an objection (UK GDPR Art 21(1)).
    case recordCompellingGrounds = "record_compelling_grounds"
    /// Make, list and revoke API tokens.
    case manageTokens = "manage_tokens"
    /// Change the workspace's own settings (its schools) and place legal holds.
    case administer
    /// Authorise records of a type an access rule lets the role authorise (BEP's CPD requests).
    case authorise
    /// Read records (an auditor's only power).
    case read
    /// Change records.
    case change
}

extension StaffRole {
    /// The powers the role holds. The DPO's own (approving erasures, recording compelling
    /// grounds) are the DPO's alone, whatever the path.
    public var powers: Set<StaffPower> {
        switch self {
        case .dpo: Set(StaffPower.allCases)
        case .admin: [.manageTokens, .administer, .read, .change]
        case .staff: [.read, .change]
        case .schoolLeader: [.read, .authorise]
        case .trainer: [.read]
        case .auditor: [.read]
        }
    }

    /// Whether the role holds `power`.
    public func holds(_ power: StaffPower) -> Bool { powers.contains(power) }

    /// Whether someone of this role may make an account, token or invitation of `role`: only one
    /// whose powers are all their own, so that no power climbs (an administrator cannot mint a
    /// DPO's token and approve erasures with it).
    public func mayGrant(_ role: StaffRole) -> Bool { role.powers.isSubset(of: powers) }
}
