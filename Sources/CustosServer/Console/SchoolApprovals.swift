import CustosCore
import CustosServices
import Foundation

/// A school leader's school as their pages show it: its people, with only the fields the
/// policy's access rules show a leader, and the records of types the leader may `authorise`
/// (BEP's CPD requests), split into those waiting for their authorisation and those authorised.
/// Everything is read through the door, for the purposes the leader's access serves.
struct SchoolApprovals: Sendable {
    let user: ConsoleUser

    /// What the school's pages show.
    struct Listing {
        let table: PeopleTable
        /// The school's people, as the table's purpose lets the leader read them.
        let people: [SubjectView]
        let waiting: [SchoolPage.RequestRow]
        let done: [SchoolPage.RequestRow]
    }

    /// The school `schoolID`'s people and requests; the leader's own school by default.
    func list(ofSchool schoolID: UUID? = nil) async throws -> Listing {
        let vault = user.vault
        guard let schoolID = schoolID ?? user.account.schoolID else {
            return Listing(table: PeopleTable(for: user) { _ in false }, people: [], waiting: [], done: [])
        }
        let table = PeopleTable(for: user) { user.access.grant(.authorise, recordType: $0.id) != nil }
        let everyone = try await vault.memberIDs(ofSchool: schoolID)
        var views: [SubjectView] = []
        if let purpose = table.purpose {
            views = try await vault.read(
                subjects: everyone, as: user.user, purpose: purpose, reason: "school leader's view of their school")
        }
        // Requests that wait for a leader's authorisation, and those already authorised.
        var waiting: [SchoolPage.RequestRow] = []
        var done: [SchoolPage.RequestRow] = []
        for type in vault.policy.recordTypes where user.access.grant(.authorise, recordType: type.id) != nil {
            // Read for the purpose the leader's access to the type serves (BEP: service delivery).
            guard let owner = type.roles.first?.name,
                let purpose = RolePurposeRule.purposes(of: user.role, .read, recordType: type, policy: vault.policy)
                    .first
            else { continue }
            let shown = user.access.grant(.read, recordType: type.id)
            let requests =
                purpose == table.purpose
                ? views
                : try await vault.read(
                    subjects: everyone, as: user.user, purpose: purpose,
                    reason: "school leader's requests to authorise")
            let names = Dictionary(views.map { ($0.subject.id, $0) }, uniquingKeysWith: { first, _ in first })
            for view in requests {
                for record in view.records where record.type == type.id && record.role == owner {
                    let parts = try await vault.parts(ofRecord: record.recordID)
                    let what = type.fields.compactMap { field -> String? in
                        guard shown?.covers(field.name) != false, let value = record.values[field.name] else {
                            return nil
                        }
                        return "\(field.displayLabel): \(value)"
                    }.joined(separator: "; ")
                    let row = SchoolPage.RequestRow(
                        who: names[view.subject.id].flatMap(table.name(of:)) ?? "Someone at your school",
                        what: what,
                        kind: type.name, record: record.recordID.uuidString.lowercased(),
                        received: PageText.day(CalendarDay(record.createdAt, in: CalendarDay.clockTimeZone)))
                    if parts.contains(where: { $0.role != owner }) { done.append(row) } else { waiting.append(row) }
                }
            }
        }
        return Listing(table: table, people: views, waiting: waiting, done: done)
    }
}
