import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/console/registers`: the breach register with each 72-hour clock, the complaints with their
/// acknowledgement dates, and the disclosure log. Plain facts only: the sealed texts (what
/// happened, what was said, why something was shared) stay behind the command line's audited reads.
struct RegistersController: Sendable {
    let pages: ConsolePages

    @Sendable func show(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let vault = user.vault
        var values = ConsoleFrame.values(
            title: "Registers", current: "/console/registers", user: user, context: context)
        let today = CalendarDay.today
        values["breaches"] = try await Breaches(vault: vault).list(includingClosed: true)
            .sorted { $0.discoveredAt > $1.discoveredAt }
            .map { breach -> [String: Any] in
                let facts = breach.facts
                let ico: String
                var icoClass = ""
                if let reported = facts.reportedAt {
                    ico = "Told \(PageText.time(reported))"
                } else if facts.notReported {
                    ico = "Not reportable (decided)"
                } else {
                    ico = "Tell by \(PageText.time(breach.reportDeadline))"
                    icoClass = breach.reportDeadline < Date() ? "overdue" : "due-soon"
                }
                return [
                    "discovered": PageText.time(breach.discoveredAt), "risk": PageText.words(facts.risk.rawValue),
                    "ico": ico, "icoClass": icoClass,
                    "affected": facts.approxSubjects.map { "about \($0)" } ?? "not known",
                    "state": breach.closedOn.map { "closed \(PageText.day($0))" } ?? "open",
                ]
            }
        values["complaints"] = try await Complaints(vault: vault).list(includingClosed: true)
            .sorted { $0.receivedOn > $1.receivedOn }
            .map { Self.row($0, today: today) }
        values["disclosures"] = try await Disclosures(vault: vault).list()
            .map { disclosure -> [String: Any] in
                [
                    "day": PageText.day(disclosure.disclosedOn), "recipient": disclosure.recipientName,
                    "person": PeopleController.shortID(disclosure.subjectID),
                    "personLink": "/console/people/\(disclosure.subjectID.uuidString.lowercased())",
                    "decidedBy": disclosure.decidedBy,
                    "told": disclosure.awaitsTelling
                        ? "Not yet: awaiting a safe time"
                        : disclosure.toldOn.map { "Told \(PageText.day($0))" } ?? "Not held back",
                ]
            }
        return pages.render(.registers, values)
    }

    /// A complaint as a row of the registers and the dashboard: when it came, the day to
    /// acknowledge it by (none in law for one received before the duty began), and where it is.
    static func row(_ complaint: StoredComplaint, today: CalendarDay) -> [String: Any] {
        [
            "received": PageText.day(complaint.receivedOn),
            "acknowledgeBy": complaint.isStatutory
                ? PageText.day(complaint.acknowledgeBy) : "No statutory date (received before 19 June 2026)",
            "acknowledged": complaint.acknowledgedOn.map(PageText.day) ?? "Not yet",
            "dueClass": complaint.isStatutory && complaint.acknowledgedOn == nil && complaint.isOpen
                ? PageText.dueClass(complaint.acknowledgeBy, from: today) : "",
            "state": complaint.closedOn.map { "closed \(PageText.day($0))" } ?? "open",
        ]
    }
}
