public import CustosCore
public import CustosStorage
public import Foundation

/// What one member of staff (a console user, an API token, or the command line, which acts as the
/// DPO) reaches: their role's grants from the policy's access rules, and the people within their
/// scope. The vault's door (``Vault/read(subject:as:purpose:ground:reason:at:)`` and the rest)
/// asks here for every use, so the API, the console and the command line cannot drift apart.
public struct StaffAccess: Sendable {
    public let role: StaffRole
    /// For a school leader, the school they are limited to.
    public let schoolID: UUID?
    /// For a trainer, the attendees of the events they deliver.
    public let attendees: Set<UUID>
    public let rules: RecordAccess

    public init(role: StaffRole, schoolID: UUID?, attendees: Set<UUID> = [], policy: Policy) {
        self.role = role
        self.schoolID = schoolID
        self.attendees = attendees
        rules = RecordAccess(policy: policy)
    }

    /// What the role may do with records of `type` for `action`, or nil.
    public func grant(_ action: AccessAction, recordType type: String) -> AccessGrant? {
        rules.grant(to: role, action, recordType: type)
    }

    /// Whether the role reaches any of `recordTypes` for `action` (it may search and list people).
    public func reachesAnything(_ action: AccessAction, recordTypes: [String]) -> Bool {
        rules.reachesAnything(role, action, recordTypes: recordTypes)
    }

    /// Whether a person is within reach: the whole workspace; for a school leader their own
    /// school; for a trainer the attendees of their events.
    public func reaches(_ subject: StoredSubject) -> Bool {
        switch role {
        case .schoolLeader: schoolID != nil && subject.schoolID == schoolID
        case .trainer: attendees.contains(subject.id)
        case .dpo, .admin, .staff, .auditor: true
        }
    }

    /// The parts of records the role may read, with only the fields its grant covers.
    public func visible(_ views: [RecordView]) -> [RecordView] {
        views.compactMap { view in
            guard let grant = grant(.read, recordType: view.type) else { return nil }
            var shown = view
            shown.values = view.values.filter { grant.covers($0.key) }
            shown.pseudonymised = view.pseudonymised.filter { grant.covers($0) }
            return shown
        }
    }
}
