import CustosCore
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

/// A request received by email, phone, letter or in person, logged from the console with who made
/// it, and tied to the person it is about: through ``Requests``, as `custos request new --from`.
@Suite("Console requests: logged from the office, and tied to their person")
struct ConsoleRequestIntakeTests {
    static let parentsRequest = [
        "kind=access", "channel=email", "received=\(CalendarDay.today.iso)", "name=Jo%20Bloggs",
        "email=jo.bloggs%40example.com", "telephone=01234%20567890",
        "details=Everything%20about%20my%20son%27s%20attendance", "for=other", "relationship=parent",
        "their-name=Sam%20Bloggs", "competence=Sam%20is%207%3A%20too%20young%20to%20act%20for%20himself",
        "identity=checked", "identity-how=Known%20to%20the%20office",
    ].joined(separator: "&")

    @Test(
        "an emailed request on a child's behalf: logged with the requester sealed beside it, on the clock from receipt, no link sent"
    )
    func logged() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            try await fixture.user("office@ashe.example", role: .staff, in: "ashe")
            let vault = try await fixture.vault("ashe")
            try await fixture.consoleApp.test(.router) { client in
                let office = try await ConsoleBrowser.signIn(client, "office@ashe.example")
                let (formStatus, form) = try await office.get(client, "/console/requests/new")
                #expect(formStatus == .ok)
                #expect(form.contains("<h1>Log a request</h1>"))
                #expect(form.contains(#"<input type="radio" id="f-channel-letter" name="channel" value="letter">"#))
                #expect(!form.contains(#"value="web""#), "a request made online comes through the privacy centre")
                let token = try await office.formToken(client)
                let (status, headers, _) = try await office.submit(
                    client, "/console/requests/new", form: Self.parentsRequest, token: token)
                #expect(status == .seeOther)
                let location = try #require(headers[.location])
                #expect(location.hasSuffix("?done=received"))

                let requests = try await Requests(vault: vault).list()
                #expect(requests.count == 1)
                let logged = try #require(requests.first)
                #expect(logged.channel == .email && logged.kind == .access && logged.state == .inProgress)
                #expect(logged.dueOn != nil, "identity checked: the clock runs from receipt")
                #expect(logged.isOnBehalf)
                #expect(try await fixture.store.requestersAwaitingLink(in: vault.workspace.id).isEmpty)

                let (_, page) = try await office.get(client, location)
                #expect(page.contains("Request recorded."))
                #expect(page.contains("Jo Bloggs") && page.contains("jo.bloggs@example.com"))
                #expect(page.contains("Sam Bloggs (the requester is their parent)"))
                #expect(
                    page.contains("Everything about my son&#39;s attendance")
                        || page.contains("Everything about my son's attendance"))
                #expect(page.contains("Checked: Known to the office"))
                #expect(page.contains("Tie the request to this person"), "not yet tied to anyone on file")
            }
            let events = try await AuditLog(store: fixture.store).entries(limit: 500).map(\.event)
            #expect(events.contains { $0.action == "request.received" && $0.actor == "user:office@ashe.example" })
            #expect(events.contains { $0.action == "request.requester.read" })
            #expect(!events.contains { $0.detail?.contains("Jo Bloggs") ?? false }, "no personal data in the audit log")
        }
    }

    @Test("a request with its answers missing or wrong: each named and linked, the answers kept, nothing logged")
    func refused() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            try await fixture.user("office@ashe.example", role: .staff, in: "ashe")
            let vault = try await fixture.vault("ashe")
            let tomorrow = CalendarDay.today.adding(days: 1).iso
            try await fixture.consoleApp.test(.router) { client in
                let office = try await ConsoleBrowser.signIn(client, "office@ashe.example")
                let token = try await office.formToken(client)
                let (status, _, page) = try await office.submit(
                    client, "/console/requests/new",
                    form: "channel=phone&received=\(tomorrow)&for=other&identity=checked&details=kept%20text",
                    token: token)
                #expect(status == .badRequest)
                #expect(page.contains("<title>Error: Log a request"))
                #expect(page.contains(##"<a href="#f-kind-access">Choose what the person asks for</a>"##))
                #expect(
                    page.contains(##"<a href="#f-received">The day it was received must be today or in the past</a>"##))
                #expect(
                    page.contains(##"<a href="#f-name">Enter the requester&#39;s name</a>"##)
                        || page.contains(##"<a href="#f-name">Enter the requester's name</a>"##))
                #expect(page.contains(##"href="#f-relationship""##) && page.contains(##"href="#f-competence""##))
                #expect(page.contains(##"href="#f-identity-how""##))
                #expect(page.contains(">kept text</textarea>"), "what was typed is kept")
                #expect(page.contains(#"id="f-channel-phone" name="channel" value="phone" checked"#))
                let (badEmail, _, emailPage) = try await office.submit(
                    client, "/console/requests/new",
                    form:
                        "kind=erasure&channel=letter&received=\(CalendarDay.today.iso)&name=A%20B&email=not-an-address&for=self&identity=not-yet",
                    token: token)
                #expect(badEmail == .badRequest)
                #expect(emailPage.contains(##"<a href="#f-email">The value given is not a valid email address</a>"##))
            }
            #expect(try await Requests(vault: vault).list().isEmpty, "nothing was logged")
        }
    }

    @Test("a logged request tied to its person by their email address; one no one has is refused and nothing changes")
    func tied() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let head = try await fixture.asheHead()
            try await fixture.user("office@ashe.example", role: .staff, in: "ashe")
            let vault = try await fixture.vault("ashe")
            let request = try await Requests(vault: vault).open(
                RequestIntake(kind: .access, subjectID: nil, channel: .letter, receivedOn: .today),
                requester: PublicRequest(kind: .access, name: "Ann Smith", email: nil, details: nil, onBehalf: nil),
                actor: "test")
            let page = RequestsController.link(request.id)
            try await fixture.consoleApp.test(.router) { client in
                let office = try await ConsoleBrowser.signIn(client, "office@ashe.example")
                let token = try await office.formToken(client)
                let (unknown, _, refusal) = try await office.submit(
                    client, page + "/link", form: "kind=email&value=nobody%40example.com", token: token)
                #expect(unknown == .badRequest)
                #expect(refusal.contains("No one within your reach has that identifier"))
                #expect(try await Requests(vault: vault).request(request.id)?.subjectID == nil)

                let (status, headers, _) = try await office.submit(
                    client, page + "/link", form: "kind=email&value=ann.smith%40example.sch.uk", token: token)
                #expect(status == .seeOther && headers[.location] == page + "?done=tied")
                let (_, shown) = try await office.get(client, page + "?done=tied")
                #expect(shown.contains("The request is tied to the person it is about."))
                #expect(shown.contains("/console/people/\(head.uuidString.lowercased())"))
            }
            #expect(try await Requests(vault: vault).request(request.id)?.subjectID == head)
        }
    }

    @Test("refusing a request is checked first: the first post changes nothing, the confirmed one refuses")
    func refusalChecked() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let head = try await fixture.asheHead()
            try await fixture.user("office@ashe.example", role: .staff, in: "ashe")
            let vault = try await fixture.vault("ashe")
            let request = try await Requests(vault: vault).open(
                RequestIntake(kind: .access, subjectID: head, channel: .email, receivedOn: .today, identityShown: true),
                actor: "test")
            let page = RequestsController.link(request.id)
            try await fixture.consoleApp.test(.router) { client in
                let office = try await ConsoleBrowser.signIn(client, "office@ashe.example")
                let token = try await office.formToken(client)
                let (status, _, check) = try await office.submit(
                    client, page + "/steps", form: "action=refused&reason=Manifestly%20unfounded", token: token)
                #expect(status == .ok)
                #expect(check.contains("Check before you refuse this request"))
                #expect(check.contains("Manifestly unfounded") && check.contains("cannot be undone"))
                #expect(try await Requests(vault: vault).request(request.id)?.state == .inProgress)
                let (done, headers, _) = try await office.submit(
                    client, page + "/steps", form: "action=refused&reason=Manifestly%20unfounded&confirmed=yes",
                    token: token)
                #expect(done == .seeOther && headers[.location] == page + "?done=refused")
            }
            #expect(try await Requests(vault: vault).request(request.id)?.state == .refused)
        }
    }

    @Test("the register filtered to closed requests of one kind, with its count")
    func registerFiltered() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            try await fixture.user("office@ashe.example", role: .staff, in: "ashe")
            let vault = try await fixture.vault("ashe")
            let requests = Requests(vault: vault)
            let refused = try await requests.open(
                RequestIntake(
                    kind: .erasure, subjectID: nil, channel: .letter, receivedOn: .today, identityShown: true),
                actor: "test")
            try await requests.record(.refused, request: refused.id, on: .today, reason: "unfounded", actor: "test")
            let open = try await requests.open(
                RequestIntake(kind: .access, subjectID: nil, channel: .letter, receivedOn: .today, identityShown: true),
                actor: "test")
            try await fixture.consoleApp.test(.router) { client in
                let office = try await ConsoleBrowser.signIn(client, "office@ashe.example")
                let (_, list) = try await office.get(client, "/console/requests")
                #expect(
                    list.contains(RequestsController.link(open.id))
                        && !list.contains(RequestsController.link(refused.id)))
                #expect(list.contains("<p>Showing 1 to 1 of 1</p>"))
                let (_, closed) = try await office.get(client, "/console/requests?state=closed&kind=erasure")
                #expect(
                    closed.contains(RequestsController.link(refused.id))
                        && !closed.contains(RequestsController.link(open.id)))
                #expect(closed.contains(#"<option value="closed" selected>Completed or refused</option>"#))
                #expect(closed.contains(#"<option value="erasure" selected>Erasure</option>"#))
                let (_, none) = try await office.get(client, "/console/requests?state=closed&kind=access")
                #expect(none.contains("<p>No requests match.</p>"))
            }
        }
    }

    @Test("a page number past any list is answered, not a crash; an auditor does not see who asked")
    func hugePageAndAuditor() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            try await fixture.user("office@ashe.example", role: .staff, in: "ashe")
            try await fixture.user("auditor@ashe.example", role: .auditor, in: "ashe")
            let vault = try await fixture.vault("ashe")
            let logged = try await Requests(vault: vault).open(
                RequestIntake(kind: .access, subjectID: nil, channel: .letter, receivedOn: .today, identityShown: true),
                requester: PublicRequest(kind: .access, name: "Jo Bloggs", email: nil, details: nil, onBehalf: nil),
                actor: "test")
            #expect(logged.dueOn != nil, "identity shown on the intake is kept with the requester's details")
            try await fixture.consoleApp.test(.router) { client in
                let office = try await ConsoleBrowser.signIn(client, "office@ashe.example")
                let (status, page) = try await office.get(client, "/console/requests?page=999999999999999999")
                #expect(status == .ok && page.contains("<h1>Requests</h1>"))
                let auditor = try await ConsoleBrowser.signIn(client, "auditor@ashe.example")
                let before = try await AuditLog(store: fixture.store).headSequence()
                let (_, shown) = try await auditor.get(client, RequestsController.link(logged.id))
                #expect(!shown.contains("Jo Bloggs"))
                #expect(shown.contains("Who asked is shown only to those who act on requests."))
                let after = try await AuditLog(store: fixture.store).entries(after: before, limit: 100)
                #expect(!after.contains { $0.event.action == "request.requester.read" }, "nothing opened")
            }
        }
    }
}
