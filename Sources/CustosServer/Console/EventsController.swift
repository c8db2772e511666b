import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/console/events`: a trainer's courses, as ASSET's consultants are given them to prepare: for
/// each event their account names, its attendees (found by the attendance records' blind
/// indexes), with only the fields the access rules show a trainer. Each person shown is read,
/// and audited, for the rule's purpose.
struct EventsController: Sendable {
    let pages: ConsolePages

    @Sendable func show(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let vault = user.vault
        var values = ConsoleFrame.values(
            title: "Your courses", current: "/console/events", user: user, context: context)
        guard vault.policy.events != nil else {
            values["events"] = [[String: Any]]()
            return pages.render(.events, values)
        }
        let table = PeopleTable(for: user)
        var attendeesOf: [(name: String, ids: [UUID])] = []
        for event in user.account.events {
            attendeesOf.append(
                (event, try await vault.attendeeIDs(ofEvents: [event])))
        }
        let everyone = Array(Set(attendeesOf.flatMap(\.ids)))
        var views: [SubjectView] = []
        if let purpose = table.purpose {
            views = try await vault.read(
                subjects: everyone.sorted { $0.uuidString < $1.uuidString }, as: user.user, purpose: purpose,
                reason: "trainer preparing their course")
        }
        let viewsByID = Dictionary(views.map { ($0.subject.id, $0) }, uniquingKeysWith: { first, _ in first })
        values["columns"] = table.columns.map(\.displayLabel)
        values["events"] = attendeesOf.map { event -> [String: Any] in
            let rows = table.rows(event.ids.compactMap { viewsByID[$0] })
            return ["name": event.name, "people": rows, "count": rows.count]
        }
        return pages.render(.events, values)
    }
}
