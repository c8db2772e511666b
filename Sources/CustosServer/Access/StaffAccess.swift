import CustosCore
import CustosStore
import Foundation

/// What one member of staff (a console user or an API token) reaches: their role's grants from
/// the policy's access rules, and the people within their scope. The API and the console both
/// ask here, so the two cannot drift apart.
struct StaffAccess: Sendable {
    let role: StaffRole
    /// For a school leader, the school they are limited to.
    let schoolID: UUID?
    /// For a trainer, the attendees of the events they deliver.
    let attendees: Set<UUID>
    let rules: RecordAccess

    init(role: StaffRole, schoolID: UUID?, attendees: Set<UUID> = [], policy: Policy) {
        self.role = role
        self.schoolID = schoolID
        self.attendees = attendees
        rules = RecordAccess(policy: policy)
    }

    /// What the role may do with records of `type` for `action`, or nil.
    func grant(_ action: AccessAction, recordType type: String) -> AccessGrant? {
        rules.grant(to: role, action, recordType: type)
    }

    /// Whether the role reaches any of `recordTypes` for `action` (it may search and list people).
    func reachesAnything(_ action: AccessAction, recordTypes: [String]) -> Bool {
        rules.reachesAnything(role, action, recordTypes: recordTypes)
    }

    /// Whether a person is within reach: the whole workspace; for a school leader their own
    /// school; for a trainer the attendees of their events.
    func reaches(_ subject: StoredSubject) -> Bool {
        switch role {
        case .schoolLeader: schoolID != nil && subject.schoolID == schoolID
        case .trainer: attendees.contains(subject.id)
        case .dpo, .admin, .staff, .auditor: true
        }
    }

    /// The parts of records the role may read, with only the fields its grant covers.
    func visible(_ views: [RecordView]) -> [RecordView] {
        views.compactMap { view in
            guard let grant = grant(.read, recordType: view.type) else { return nil }
            var shown = view
            shown.values = view.values.filter { grant.covers($0.key) }
            shown.pseudonymised = view.pseudonymised.filter { grant.covers($0) }
            return shown
        }
    }
}
