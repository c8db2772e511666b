import CustosCore
import CustosServices
import Foundation

/// A school leader's school as their pages show it: a page of its people, with only the fields
/// the policy's access rules show a leader, and the records of types the leader may `authorise`
/// (BEP's CPD requests), split into those waiting for their authorisation and those authorised.
/// Everything is read through the door, for the purposes the leader's access serves, and each
/// read is one audit entry naming the people it showed.
struct SchoolApprovals: Sendable {
    let user: ConsoleUser

    /// How many people a page lists.
    static let pageSize = 50

    /// What the school's pages show.
    struct Listing {
        let table: PeopleTable
        /// This page of the school's people, as the table's purpose lets the leader read them.
        let people: [SubjectView]
        /// How many people the school has in all, and how many this page listed (some may be
        /// left out of `people`: those the door refuses to show for the purpose).
        let total: Int
        let listed: Int
        let waiting: [SchoolPage.RequestRow]
        let done: [SchoolPage.RequestRow]
    }

    /// The school `schoolID`'s requests to authorise and, with `page`, that page of its people
    /// (from 0; `newestFirst`: the latest added first).
    func list(ofSchool schoolID: UUID, page: Int? = nil, newestFirst: Bool = false) async throws -> Listing {
        let vault = user.vault
        let table = PeopleTable(for: user) { user.access.grant(.authorise, recordType: $0.id) != nil }
        var views: [SubjectView] = []
        var total = 0
        var listed = 0
        if let page, let purpose = table.purpose {
            let members = try await vault.memberIDs(
                ofSchool: schoolID, newestFirst: newestFirst, limit: Self.pageSize, offset: page * Self.pageSize)
            total = members.total
            listed = members.ids.count
            let order = Dictionary(members.ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            views = try await vault.read(
                subjects: members.ids, as: user.user, purpose: purpose, reason: "school leader's view of their school"
            )
            .sorted { (order[$0.subject.id] ?? 0) < (order[$1.subject.id] ?? 0) }
        }
        // Requests that wait for a leader's authorisation, and those already authorised: only the
        // school's people with records of the types are read, not the whole school.
        var waiting: [SchoolPage.RequestRow] = []
        var done: [SchoolPage.RequestRow] = []
        for type in vault.policy.recordTypes where user.access.grant(.authorise, recordType: type.id) != nil {
            // Read for the purpose the leader's access to the type serves (BEP: service delivery).
            guard let owner = type.roles.first?.name,
                let purpose = RolePurposeRule.purposes(of: user.role, .read, recordType: type, policy: vault.policy)
                    .first
            else { continue }
            let withRecords = try await vault.subjectIDs(withRecordsOfTypes: [type.id])
            let requesters = try await vault.subjects(withRecords, reachableBy: user.access)
                .filter { $0.schoolID == schoolID }.map(\.id)
            guard !requesters.isEmpty else { continue }
            let shown = user.access.grant(.read, recordType: type.id)
            let requests = try await vault.read(
                subjects: requesters, as: user.user, purpose: purpose, reason: "school leader's requests to authorise")
            let named =
                table.purpose == nil || table.purpose == purpose
                ? requests
                : try await vault.read(
                    subjects: requests.map(\.subject.id), as: user.user, purpose: table.purpose ?? purpose,
                    reason: "who asked, of the school leader's requests to authorise")
            let names = Dictionary(named.map { ($0.subject.id, $0) }, uniquingKeysWith: { first, _ in first })
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
        return Listing(table: table, people: views, total: total, listed: listed, waiting: waiting, done: done)
    }
}
