import CustosCore
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

/// Erasure, rectification, restriction and objection carried out from a request's page, as the
/// command line does: each through the store, which checks the law and completes the request.
@Suite("Console requests: carried out from the request's page")
struct ConsoleCarryOutTests {
    /// An ASHE head, a request of `kind` about them with identity shown, and the office's user.
    func opened(_ fixture: ApiFixture, _ kind: RequestKind) async throws -> (head: UUID, page: String, id: UUID) {
        let head = try await fixture.asheHead()
        let request = try await Requests(vault: fixture.vault("ashe")).open(
            RequestIntake(kind: kind, subjectID: head, channel: .email, receivedOn: .today, identityShown: true),
            actor: "test")
        try await fixture.user("office@ashe.example", role: .staff, in: "ashe")
        return (head, "/console/requests/\(request.id.uuidString.lowercased())", request.id)
    }

    @Test(
        "an erasure: what would be kept is shown, a missing ground is named, then the person is erased and the request completed"
    )
    func erasure() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let (head, page, id) = try await opened(fixture, .erasure)
            try await fixture.consoleApp.test(.router) { client in
                let staff = try await ConsoleBrowser.signIn(client, "office@ashe.example")
                let (_, shown) = try await staff.get(client, page)
                #expect(shown.contains("<h2>Carry it out</h2>"))
                #expect(shown.contains("Member contacts (1): erased") || shown.contains("(1): erased"), "\(shown)")
                #expect(shown.contains("Continue to erase"))
                #expect(!shown.contains("Completed: the answer was sent"), "completed only by carrying it out")
                let token = try await staff.formToken(client)
                let (missing, _) = try await staff.post(client, page + "/carry-out", token: token)
                #expect(missing == .badRequest)
                // Erasing cannot be undone: the first post shows what will go, and erases nothing.
                let (checking, _, check) = try await staff.submit(
                    client, page + "/carry-out", form: "ground=no_longer_necessary", token: token)
                #expect(checking == .ok)
                #expect(check.contains("Check what will be erased") && check.contains("Erasing cannot be undone"))
                #expect(check.contains(#"name="ground" value="no_longer_necessary""#))
                #expect(check.contains("Erase, and complete the request"))
                let vault = try await fixture.vault("ashe")
                #expect(try await fixture.store.request(id, in: vault.workspace.id)?.state != .completed)
                #expect(try await !vault.read(subject: head, actor: "test").records.isEmpty)
                let (done, headers) = try await staff.post(
                    client, page + "/carry-out", form: "ground=no_longer_necessary&confirmed=yes", token: token)
                #expect(done == .seeOther && headers[.location] == page + "?done=completed")
            }
            let vault = try await fixture.vault("ashe")
            #expect(try await fixture.store.request(id, in: vault.workspace.id)?.state == .completed)
            #expect(try await vault.read(subject: head, actor: "test").records.isEmpty)
            let events = try await AuditLog(store: fixture.store).entries(limit: 500).map(\.event)
            #expect(events.contains { $0.action == "request.completed" && $0.actor == "user:office@ashe.example" })
        }
    }

    @Test("refusing a correction is checked first: the first post changes nothing, the confirmed one refuses")
    func rectificationRefusalChecked() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let (head, page, id) = try await opened(fixture, .rectification)
            let vault = try await fixture.vault("ashe")
            let record = try #require(try await vault.read(subject: head, actor: "test").records.first)
            try await fixture.consoleApp.test(.router) { client in
                let staff = try await ConsoleBrowser.signIn(client, "office@ashe.example")
                let token = try await staff.formToken(client)
                let form = "record=\(record.recordID.uuidString)&refuse=yes&reasons=The+record+is+right"
                let (checking, _, check) = try await staff.submit(client, page + "/carry-out", form: form, token: token)
                #expect(checking == .ok && check.contains("Check before you refuse the correction"))
                #expect(check.contains("The record is right"))
                #expect(try await fixture.store.request(id, in: vault.workspace.id)?.state != .refused)
                let (done, _, _) = try await staff.submit(
                    client, page + "/carry-out", form: form + "&confirmed=yes", token: token)
                #expect(done == .seeOther)
            }
            #expect(try await fixture.store.request(id, in: vault.workspace.id)?.state == .refused)
        }
    }

    @Test("a correction changes only the fields edited, keeps the request's history, and an unchanged form is refused")
    func rectification() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let (head, page, id) = try await opened(fixture, .rectification)
            let vault = try await fixture.vault("ashe")
            let record = try #require(try await vault.read(subject: head, actor: "test").records.first)
            try await fixture.consoleApp.test(.router) { client in
                let staff = try await ConsoleBrowser.signIn(client, "office@ashe.example")
                let (_, shown) = try await staff.get(client, page)
                #expect(shown.contains("name=\"field-name\" value=\"Ann Smith\""))
                #expect(shown.contains("Refuse the correction"))
                let token = try await staff.formToken(client)
                let form =
                    "record=\(record.recordID.uuidString)&field-name=Ann+Smith&field-school_address=1+High+Street"
                let (same, _) = try await staff.post(client, page + "/carry-out", form: form, token: token)
                #expect(same == .badRequest, "nothing would change")
                let (done, _) = try await staff.post(
                    client, page + "/carry-out", form: form.replacingOccurrences(of: "Ann+Smith", with: "Ann+Smyth"),
                    token: token)
                #expect(done == .seeOther)
            }
            let after = try #require(try await vault.read(subject: head, actor: "test").records.first)
            #expect(after.values["name"] == "Ann Smyth" && after.values["school_address"] == "1 High Street")
            #expect(try await fixture.store.request(id, in: vault.workspace.id)?.state == .completed)
        }
    }

    @Test(
        "an objection stops the purposes ticked; only the DPO may record compelling grounds; a restriction completes too"
    )
    func objectionAndRestriction() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let (_, page, id) = try await opened(fixture, .objection)
            let vault = try await fixture.vault("ashe")
            try await fixture.consoleApp.test(.router) { client in
                let staff = try await ConsoleBrowser.signIn(client, "office@ashe.example")
                let (_, shown) = try await staff.get(client, page)
                #expect(shown.contains("value=\"marketing\""))
                #expect(shown.contains("an objection to it always stops it"))
                #expect(!shown.contains("Compelling grounds"), "staff do not weigh grounds")
                #expect(!shown.contains("value=\"booking_admin\""), "a contract purpose cannot be objected to")
                let token = try await staff.formToken(client)
                let (grounds, _) = try await staff.post(
                    client, page + "/carry-out", form: "purpose=guidance_updates&grounds-guidance_updates=needed",
                    token: token)
                #expect(grounds == .badRequest)
                let (done, _) = try await staff.post(
                    client, page + "/carry-out", form: "purpose=marketing&purpose=guidance_updates", token: token)
                #expect(done == .seeOther)
            }
            #expect(try await fixture.store.request(id, in: vault.workspace.id)?.state == .completed)

            let restriction = try await Requests(vault: vault).open(
                RequestIntake(
                    kind: .restriction, subjectID: try await fixture.asheHead(email: "b@example.sch.uk"),
                    channel: .email,
                    receivedOn: .today, identityShown: true), actor: "test")
            let restrictionPage = "/console/requests/\(restriction.id.uuidString.lowercased())"
            try await fixture.consoleApp.test(.router) { client in
                let staff = try await ConsoleBrowser.signIn(client, "office@ashe.example")
                let (_, shown) = try await staff.get(client, restrictionPage)
                #expect(shown.contains("UK GDPR Art 18(1)(a): they contest its accuracy"))
                let (done, _) = try await staff.post(
                    client, restrictionPage + "/carry-out", form: "ground=accuracy_contested",
                    token: try await staff.formToken(client))
                #expect(done == .seeOther)
            }
            #expect(try await fixture.store.request(restriction.id, in: vault.workspace.id)?.state == .completed)
        }
    }
}
