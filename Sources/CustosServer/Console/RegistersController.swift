import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/console/registers`: the breach register with each 72-hour clock, the complaints with their
/// acknowledgement dates, the disclosure log (50 a page, latest first) and the legal holds standing. Plain facts only: what
/// was written about a case is sealed, and opened (and audited) on the case's own page.
struct RegistersController: Sendable {
    let pages: ConsolePages

    /// How many disclosures a page of the log lists, latest first.
    static let pageSize = 50

    @Sendable func show(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let vault = user.vault
        let today = CalendarDay.today
        let breaches = try await Breaches(vault: vault).list(includingClosed: true)
            .sorted { $0.discoveredAt > $1.discoveredAt }
            .map { breach in
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
                return RegistersPage.BreachRow(
                    link: BreachesController.link(breach.id), discovered: PageText.time(breach.discoveredAt),
                    risk: PageText.words(facts.risk.rawValue),
                    ico: ico, icoClass: icoClass, affected: facts.approxSubjects.map { "about \($0)" } ?? "not known",
                    state: breach.closedOn.map { "closed \(PageText.day($0))" } ?? "open")
            }
        let complaints = try await Complaints(vault: vault).list(includingClosed: true)
            .sorted { $0.receivedOn > $1.receivedOn }
            .map { Self.row($0, today: today) }
        let number = Pager.pageNumber(request.uri.queryParameters.get("disclosures"))
        let logged = try await Disclosures(vault: vault).page(
            limit: Self.pageSize, offset: number * Self.pageSize)
        let disclosures = logged.disclosures
            .map { disclosure in
                RegistersPage.DisclosureRow(
                    day: PageText.day(disclosure.disclosedOn), recipient: disclosure.recipientName,
                    person: PeopleController.shortID(disclosure.subjectID),
                    personLink: "/console/people/\(disclosure.subjectID.uuidString.lowercased())",
                    decidedBy: disclosure.decidedBy,
                    told: disclosure.awaitsTelling
                        ? "Not yet: awaiting a safe time"
                        : disclosure.toldOn.map { "Told \(PageText.day($0))" } ?? "Not held back")
            }
        let keeps = user.may(.keepRegisters)
        let types = Dictionary(
            vault.policy.recordTypes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let holds = try await LegalHolds(vault: vault).list().map { hold in
            RegistersPage.HoldRow(
                covers: [
                    hold.subjectID.map { "Person \(PeopleController.shortID($0))" },
                    hold.recordType.map { types[$0] ?? $0 },
                ].compactMap { $0 }.joined(separator: ": "),
                reason: hold.reason, placed: "\(PageText.day(hold.placedOn)) by \(hold.placedBy)",
                until: hold.endsOn.map(PageText.day) ?? "Until released",
                releaseAction: keeps ? HoldsController.link(hold.id) + "/release" : nil)
        }
        return pages.render(
            RegistersPage(
                keeps: keeps, breaches: breaches, complaints: complaints, disclosures: disclosures,
                pager: Pager(page: number, pageSize: Self.pageSize, shown: disclosures.count, total: logged.total) {
                    "/console/registers?disclosures=\($0)#disclosures"
                }, holds: holds),
            frame: ConsoleFrame(title: "Registers", current: "/console/registers", user: user, context: context))
    }

    /// A complaint as a row of the registers and the dashboard: when it came, the day to
    /// acknowledge it by (none in law for one received before the duty began), and where it is.
    static func row(_ complaint: StoredComplaint, today: CalendarDay) -> RegistersPage.ComplaintRow {
        RegistersPage.ComplaintRow(
            link: ComplaintsController.link(complaint.id), received: PageText.day(complaint.receivedOn),
            acknowledgeBy: complaint.isStatutory
                ? PageText.day(complaint.acknowledgeBy) : "No statutory date (received before 19 June 2026)",
            acknowledged: complaint.acknowledgedOn.map(PageText.day) ?? "Not yet",
            dueClass: complaint.isStatutory && complaint.acknowledgedOn == nil && complaint.isOpen
                ? PageText.dueClass(complaint.acknowledgeBy, from: today) : "",
            state: complaint.closedOn.map { "closed \(PageText.day($0))" } ?? "open")
    }
}
