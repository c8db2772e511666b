import CustosCore

/// What a console page lets its user do, and which roles may: the console's one table of
/// authorisation. Every console route names its ability, and the router checks it before the
/// page runs. Which *people* a role reaches (a school leader's school) is checked again on
/// every page that shows a person.
enum ConsoleAbility: String, CaseIterable, Sendable {
    /// The dashboard of what is due (a scoped role sees only its own part).
    case viewDashboard
    /// Find people and open a person's page, within the role's reach.
    case findPeople
    /// See people who may be one person twice, and merge two of them once checked.
    case mergePeople
    /// Add a record through a form made from its record type (the policy's rules decide which types).
    case addRecords
    /// Import a CSV file of records, of the types the role may add, and read its report.
    case importRecords
    /// The register of requests and each request's page.
    case viewRequests
    /// Take a request's next step, and make an access request's package. (Approving an erasure
    /// is the DPO's alone: the request page checks that too.)
    case actOnRequests
    /// The registers: breaches, complaints, the disclosure log, legal holds; and each case's page.
    case viewRegisters
    /// Record in the registers: log a breach and take it to closure, take in a complaint and
    /// answer it, log a disclosure, place and release legal holds.
    case keepRegisters
    /// Mark a task done (a retention review, telling a person of a disclosure, and the like).
    case doTasks
    /// The policy: its findings, versions, record of processing and fideslang export.
    case viewPolicy
    /// The audit log and its verification.
    case viewAudit
    /// Make, list and revoke API tokens for integrations.
    case manageTokens
    /// A school leader's own school: its people, with the fields the policy shows them, and the
    /// requests (BEP's CPD requests) that wait for their authorisation.
    case leadSchool
    /// A trainer's own events: their attendees, with the fields the policy shows a trainer.
    case deliverEvents

    /// The roles allowed.
    var roles: Set<StaffRole> {
        switch self {
        case .viewDashboard: Set(StaffRole.allCases)
        case .findPeople: [.dpo, .admin, .staff, .schoolLeader, .trainer, .auditor]
        case .mergePeople: [.dpo, .admin]
        case .addRecords: [.dpo, .admin, .staff]
        case .importRecords: [.dpo, .admin, .staff]
        case .viewRequests: [.dpo, .admin, .staff, .auditor]
        case .actOnRequests: [.dpo, .admin, .staff]
        case .viewRegisters: [.dpo, .admin, .auditor]
        case .keepRegisters: [.dpo, .admin]
        case .doTasks: [.dpo, .admin, .staff]
        case .viewPolicy: [.dpo, .admin, .staff, .auditor]
        case .viewAudit: [.dpo, .admin, .auditor]
        case .manageTokens: [.dpo, .admin]
        case .leadSchool: [.schoolLeader]
        case .deliverEvents: [.trainer]
        }
    }

    func allows(_ role: StaffRole) -> Bool { roles.contains(role) }
}
