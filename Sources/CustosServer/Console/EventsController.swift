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
        let frame = ConsoleFrame(title: "Your courses", current: "/console/events", user: user, context: context)
        guard vault.policy.events != nil else {
            return pages.render(EventsPage(events: []), frame: frame)
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
        let events = attendeesOf.map { event -> EventsPage.Event in
            let rows = table.rows(event.ids.compactMap { viewsByID[$0] })
            return EventsPage.Event(name: event.name, count: rows.count, people: rows)
        }
        return pages.render(EventsPage(columns: table.columns.map(\.displayLabel), events: events), frame: frame)
    }
}
