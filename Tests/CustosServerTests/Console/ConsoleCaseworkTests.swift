import CustosCore
import CustosServices
import CustosTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

/// The registers kept from the console: a breach taken to closure, a complaint answered, a legal
/// hold placed and released, a disclosure logged without telling the person and the task to tell
/// them done. Each through the services the command line uses; each refusal changes nothing.
@Suite("Console casework: breaches, complaints, holds, disclosures and tasks")
struct ConsoleCaseworkTests {
    static func encoded(_ text: String) -> String { ConsoleBrowser.encoded(text) }

    @Test(
        "a DPO logs a high-risk breach, reports it, records the people told, and closes it; steps out of turn are refused"
    )
    func breachToClosure() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            try await fixture.user("dpo@ashe.example", role: .dpo, in: "ashe")
            let vault = try await fixture.vault("ashe")
            let breaches = Breaches(vault: vault)
            let anHourAgo = ConsoleForm.localText(Date().addingTimeInterval(-3600))
            let tomorrow = ConsoleForm.localText(Date().addingTimeInterval(24 * 3600))
            try await fixture.consoleApp.test(.router) { client in
                let dpo = try await ConsoleBrowser.signIn(client, "dpo@ashe.example")
                let token = try await dpo.formToken(client)
                let (formStatus, form) = try await dpo.get(client, "/console/registers/breaches/new")
                #expect(formStatus == .ok && form.contains(#"type="datetime-local" id="f-discovered""#))

                // Nothing said, and a discovery tomorrow: both named; nothing logged.
                let (refused, _, refusal) = try await dpo.submit(
                    client, "/console/registers/breaches/new",
                    form: "discovered=\(Self.encoded(tomorrow))&risk=high", token: token)
                #expect(refused == .badRequest)
                #expect(refusal.contains(##"<a href="#f-description">Say what happened</a>"##))
                #expect(
                    refusal.contains(
                        ##"<a href="#f-discovered">When it was discovered must be now or in the past</a>"##))
                #expect(try await breaches.list().isEmpty)

                let (logged, headers, _) = try await dpo.submit(
                    client, "/console/registers/breaches/new",
                    form:
                        "description=\(Self.encoded("A delegate list was emailed to the wrong school"))&discovered=\(Self.encoded(anHourAgo))&risk=high&special=no&subjects=40",
                    token: token)
                #expect(logged == .seeOther)
                let page = try #require(headers[.location]).replacingOccurrences(of: "?done=recorded", with: "")
                let breach = try #require(try await breaches.list().first)
                #expect(breach.facts.risk == .high && breach.facts.approxSubjects == 40)
                #expect(page == BreachesController.link(breach.id))

                let (_, shown) = try await dpo.get(client, page + "?done=recorded")
                #expect(shown.contains("Breach logged."))
                #expect(shown.contains("A delegate list was emailed to the wrong school"), "the sealed text, opened")
                #expect(
                    shown.contains(##"<a href="\##(page)/report" class="button">Record the report to the ICO</a>"##))
                #expect(!shown.contains("\(page)/close"), "not closed before the ICO decision and the people told")
                #expect(try await dpo.get(client, page + "/close").0 == .notFound)
                #expect(try await dpo.get(client, page + "/not-reported").0 == .notFound, "a high risk is reported")

                let (reported, _, _) = try await dpo.submit(
                    client, page + "/report", form: "reference=ICO-00123&reported=\(Self.encoded(anHourAgo))",
                    token: token)
                #expect(reported == .seeOther)
                let (told, _, _) = try await dpo.submit(
                    client, page + "/individuals", form: "told=yes&on=\(CalendarDay.today.iso)", token: token)
                #expect(told == .seeOther)
                let (unsaid, _, unsaidPage) = try await dpo.submit(
                    client, page + "/close", form: "remediation=&lessons=Check%20the%20list", token: token)
                #expect(unsaid == .badRequest && unsaidPage.contains("Say what was done"))
                #expect(try await breaches.list().first?.closedOn == nil)
                let (closed, _, _) = try await dpo.submit(
                    client, page + "/close",
                    form: "remediation=Recalled%20the%20email&lessons=Check%20the%20list&on=\(CalendarDay.today.iso)",
                    token: token)
                #expect(closed == .seeOther)
                let (_, registers) = try await dpo.get(client, "/console/registers")
                #expect(registers.contains("closed"))
            }
            let stored = try #require(try await breaches.list(includingClosed: true).first)
            #expect(stored.closedOn == .today && stored.facts.icoReference == "ICO-00123")
            #expect(stored.facts.individualsToldOn == .today)
            let events = try await AuditLog(store: fixture.store).entries(limit: 500).map(\.event)
            for action in ["breach.recorded", "breach.read", "breach.reported", "breach.individuals", "breach.closed"] {
                #expect(events.contains { $0.action == action && $0.actor == "user:dpo@ashe.example" }, "\(action)")
            }
            #expect(!events.contains { $0.detail?.contains("wrong school") ?? false }, "what happened stays sealed")
        }
    }

    @Test("a complaint taken in, acknowledged and closed; its acknowledgement date shown from receipt")
    func complaint() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            try await fixture.user("admin@ashe.example", role: .admin, in: "ashe")
            let vault = try await fixture.vault("ashe")
            try await fixture.consoleApp.test(.router) { client in
                let admin = try await ConsoleBrowser.signIn(client, "admin@ashe.example")
                let token = try await admin.formToken(client)
                let (unknown, _, refusal) = try await admin.submit(
                    client, "/console/registers/complaints/new",
                    form:
                        "summary=About%20a%20request&channel=letter&received=\(CalendarDay.today.iso)&request=\(UUID().uuidString)",
                    token: token)
                #expect(unknown == .badRequest && refusal.contains("There is no request with that id here"))
                #expect(try await Complaints(vault: vault).list().isEmpty, "nothing taken in")
                let (taken, headers, _) = try await admin.submit(
                    client, "/console/registers/complaints/new",
                    form: "summary=Marketing%20after%20unsubscribing&channel=letter&received=\(CalendarDay.today.iso)",
                    token: token)
                #expect(taken == .seeOther)
                let page = try #require(headers[.location]).replacingOccurrences(of: "?done=received", with: "")
                let (_, shown) = try await admin.get(client, page + "?done=received")
                #expect(shown.contains("Marketing after unsubscribing"))
                let due = try #require(try await Complaints(vault: vault).list().first).acknowledgeBy
                #expect(shown.contains("Acknowledge it by \(PageText.day(due))."))
                #expect(
                    try await admin.submit(
                        client, page + "/acknowledge", form: "on=\(CalendarDay.today.iso)", token: token
                    ).status == .seeOther)
                #expect(try await admin.get(client, page + "/acknowledge").0 == .notFound, "acknowledged once")
                #expect(
                    try await admin.submit(
                        client, page + "/close",
                        form: "outcome=Removed%20from%20the%20list&on=\(CalendarDay.today.iso)",
                        token: token
                    ).status == .seeOther)
            }
            let complaint = try #require(try await Complaints(vault: vault).list(includingClosed: true).first)
            #expect(complaint.acknowledgedOn == .today && complaint.closedOn == .today)
        }
    }

    @Test("a legal hold placed from a person's page, and released only once the release is confirmed")
    func hold() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let head = try await fixture.asheHead()
            try await fixture.user("dpo@ashe.example", role: .dpo, in: "ashe")
            let vault = try await fixture.vault("ashe")
            let holds = LegalHolds(vault: vault)
            try await fixture.consoleApp.test(.router) { client in
                let dpo = try await ConsoleBrowser.signIn(client, "dpo@ashe.example")
                let token = try await dpo.formToken(client)
                let (_, person) = try await dpo.get(client, "/console/people/\(head.uuidString.lowercased())")
                let offered = "/console/registers/holds/new?subject=\(head.uuidString.lowercased())"
                #expect(person.contains(offered))
                let (_, form) = try await dpo.get(client, offered)
                #expect(form.contains(#"name="subject" value="\#(head.uuidString.lowercased())""#))
                let (missing, _, refusal) = try await dpo.submit(
                    client, "/console/registers/holds/new", form: "subject=\(head.uuidString.lowercased())",
                    token: token)
                #expect(missing == .badRequest && refusal.contains("Say what claim the hold is for"))
                #expect(try await holds.list().isEmpty)
                let (placed, _, _) = try await dpo.submit(
                    client, "/console/registers/holds/new",
                    form:
                        "subject=\(head.uuidString.lowercased())&type=member_contact&reason=Tribunal%20claim&on=\(CalendarDay.today.iso)",
                    token: token)
                #expect(placed == .seeOther)
                let hold = try #require(try await holds.list().first)
                #expect(hold.subjectID == head && hold.recordType == "member_contact")
                let release = HoldsController.link(hold.id) + "/release"
                let (checking, _, check) = try await dpo.submit(client, release, token: token)
                #expect(checking == .ok && check.contains("Check before you release this hold"))
                #expect(try await holds.list().count == 1, "nothing released before it is confirmed")
                #expect(try await dpo.submit(client, release, form: "confirmed=yes", token: token).status == .seeOther)
            }
            #expect(try await holds.list().isEmpty)
        }
    }

    @Test("a disclosure logged without telling the person adds a task; marking it done records they were told")
    func disclosureAndTask() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let head = try await fixture.asheHead()
            try await fixture.user("dpo@ashe.example", role: .dpo, in: "ashe")
            try await fixture.user("office@ashe.example", role: .staff, in: "ashe")
            let vault = try await fixture.vault("ashe")
            let person = "/console/people/\(head.uuidString.lowercased())"
            try await fixture.consoleApp.test(.router) { client in
                let dpo = try await ConsoleBrowser.signIn(client, "dpo@ashe.example")
                let token = try await dpo.formToken(client)
                let (missing, _, refusal) = try await dpo.submit(
                    client, person + "/disclosures/new", form: "recipient=police_and_regulators&reason=asked",
                    token: token)
                #expect(missing == .badRequest && refusal.contains("Choose at least one kind of record disclosed"))
                #expect(try await Disclosures(vault: vault).list().isEmpty)
                let (logged, headers, _) = try await dpo.submit(
                    client, person + "/disclosures/new",
                    form:
                        "recipient=police_and_regulators&types=member_contact&purpose=legal_disclosure&exemption=crime_prevention&reason=Police%20request%20ref%2042&on=\(CalendarDay.today.iso)&told=no",
                    token: token)
                #expect(logged == .seeOther && headers[.location] == person + "?done=disclosure")
            }
            let disclosure = try #require(try await Disclosures(vault: vault).list().first)
            #expect(disclosure.awaitsTelling)
            let task = try #require(try await Tasks(vault: vault).list().first { $0.kind == .tellOfDisclosure })
            try await fixture.consoleApp.test(.router) { client in
                let office = try await ConsoleBrowser.signIn(client, "office@ashe.example")
                let (_, dashboard) = try await office.get(client, "/console")
                #expect(dashboard.contains(TasksController.link(task.id)))
                let token = try await office.formToken(client)
                let (blank, _, _) = try await office.submit(
                    client, TasksController.link(task.id), form: "note=", token: token)
                #expect(blank == .badRequest)
                let (done, headers, _) = try await office.submit(
                    client, TasksController.link(task.id), form: "note=Told%20by%20letter&on=\(CalendarDay.today.iso)",
                    token: token)
                #expect(done == .seeOther && headers[.location] == "/console?done=task")
            }
            #expect(try await Disclosures(vault: vault).list().first?.toldOn == .today)
            #expect(try await Tasks(vault: vault).list().contains { $0.id == task.id } == false)
        }
    }

    @Test("the dashboard counts what the linter finds in the policy in force, and says it in red")
    func dashboardLintCounts() async throws {
        try await ApiFixture.with(["west-herts"]) { fixture in
            try await fixture.user("dpo@westherts.example", role: .dpo, in: "west-herts")
            let loaded = try PolicyLoader.load(contentsOf: Repository.example("west-herts"))
            let findings = PolicyLinter().findings(for: loaded)
            let errors = findings.filter { $0.severity == .error }.count
            let warnings = findings.filter { $0.severity == .warning }.count
            #expect(errors > 1, "the example's known errors")
            try await fixture.consoleApp.test(.router) { client in
                let dpo = try await ConsoleBrowser.signIn(client, "dpo@westherts.example")
                let (_, dashboard) = try await dpo.get(client, "/console")
                #expect(dashboard.contains("<strong>The policy in force has \(errors) errors.</strong>"))
                #expect(dashboard.contains("\(errors)</strong> policy errors, \(warnings) warnings"))
            }
        }
    }
}
