import CustosCore
import CustosServices
import CustosTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

/// The door from the console: a person's page reads for the purpose chosen, and the same decision
/// as the API's shows nothing of a person who restricted, objected to or has not consented to it,
/// says why, and audits the refusal; an add-record form refused by it writes nothing.
@Suite("The door from the console")
struct ConsoleDoorTests {
    @Test("a person's page, for each refusal and for an allowed purpose")
    func personPage() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let head = try await fixture.asheHead()
            let vault = try await fixture.vault("ashe")
            try await Contacts(vault: vault).setProcessingState(
                .restricted, subject: head, purpose: "booking_admin", reason: "accuracy contested", actor: "test")
            try await Contacts(vault: vault).setProcessingState(
                .objected, subject: head, purpose: "customer_research", reason: "objection", actor: "test")
            let office = try await fixture.user("office@ashe.example", role: .staff, in: "ashe")
            try await fixture.consoleApp.test(.router) { client in
                let browser = try await ConsoleBrowser.signIn(client, "office@ashe.example")
                let page = "/console/people/\(head.uuidString.lowercased())"
                let cases: [(purpose: String, says: String)] = [
                    ("booking_admin", "restricted processing for &#39;booking_admin&#39;"),
                    ("customer_research", "objected to &#39;customer_research&#39;"),
                    ("marketing", "rests on consent"),
                ]
                for (purpose, says) in cases {
                    let (status, text) = try await browser.get(client, page + "?purpose=\(purpose)")
                    #expect(status == .ok)
                    #expect(text.contains("Nothing is shown for this purpose"), "\(purpose)")
                    #expect(text.contains(says), "\(purpose): the page says why")
                    #expect(!text.contains("ann.smith@example.sch.uk"), "\(purpose)")
                }
                let (_, allowed) = try await browser.get(client, page + "?purpose=guidance_updates")
                #expect(allowed.contains("ann.smith@example.sch.uk"))
                #expect(!allowed.contains("Nothing is shown for this purpose"))
            }
            let refusals = try await AuditLog(store: fixture.store).entries(limit: 1000).map(\.event)
                .filter { $0.actor == office.actor && $0.action == "access.refused" }
            #expect(refusals.map(\.detail) == ["refused: restricted", "refused: objected", "refused: consent_missing"])
        }
    }

    @Test("a record added for someone who restricted its purpose is refused, and nothing is written")
    func addRecord() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let head = try await fixture.asheHead()
            let vault = try await fixture.vault("ashe")
            // The form collects a member contact for booking administration, its type's first purpose.
            try await Contacts(vault: vault).setProcessingState(
                .restricted, subject: head, purpose: "booking_admin", reason: "accuracy contested", actor: "test")
            let before = try await vault.read(subject: head, actor: "test").records
            try await fixture.user("office@ashe.example", role: .staff, in: "ashe")
            try await fixture.consoleApp.test(.router) { client in
                let office = try await ConsoleBrowser.signIn(client, "office@ashe.example")
                let token = try await office.formToken(client)
                let (status, _) = try await client.execute(
                    uri: "/console/records/new", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: try #require(office.cookie)],
                    body: ByteBuffer(
                        string:
                            "csrf=\(token)&type=member_contact&name=Ann+Smith&school_address=9+New+Road&head_email=ann.smith%40example.sch.uk"
                    )
                ) { ($0.status, String(buffer: $0.body)) }
                #expect(status == .forbidden)
            }
            #expect(try await vault.read(subject: head, actor: "test").records == before, "nothing written")
        }
    }

    @Test(
        "a leader's authorisation goes through the door: refused for a requester who restricted its purpose, nothing written; then joins the leader's own record"
    )
    func leaderAuthorisation() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            let own = try await fixture.school("Basildon Academy", urn: "100001")
            let colleague = try await fixture.bepUser(urn: "100001")
            let leader = try await fixture.bepUser(urn: "100001", email: "head@basildon.example")
            let request = try await fixture.cpdRequest(by: "user100001@example.sch.uk", course: "Phonics refresher")
            let vault = try await fixture.vault("bep")
            try await Contacts(vault: vault).setProcessingState(
                .restricted, subject: colleague, purpose: "service_delivery", reason: "accuracy contested",
                actor: "test")
            let head = try await fixture.user("head@basildon.example", role: .schoolLeader, school: own)
            try await fixture.consoleApp.test(.router) { client in
                let browser = try await ConsoleBrowser.signIn(client, "head@basildon.example")
                let (status, _) = try await browser.post(
                    client, "/console/school/records/\(request.uuidString)/authorise",
                    token: try await browser.formToken(client))
                #expect(status == .forbidden)
                #expect(try await vault.read(record: request, actor: "test").count == 1, "nothing written")

                try await Contacts(vault: vault).setProcessingState(
                    .active, subject: colleague, purpose: "service_delivery", reason: "resolved",
                    personToldOn: CalendarDay.today, actor: "test")
                let (done, _) = try await browser.post(
                    client, "/console/school/records/\(request.uuidString)/authorise",
                    token: try await browser.formToken(client))
                #expect(done == .seeOther)
            }
            let parts = try await vault.read(record: request, actor: "test")
            #expect(parts.first { $0.role == "authoriser" }?.subjectID == leader)
            let refusals = try await AuditLog(store: fixture.store).entries(limit: 1000).map(\.event)
                .filter { $0.actor == head.actor && $0.action == "access.refused" }
            #expect(refusals.map(\.detail) == ["refused: restricted"])
        }
    }
}
