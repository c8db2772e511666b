import CustosCore
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZIPFoundation

@testable import CustosServer

@Suite("Console requests: the register, and a request walked through its states")
struct ConsoleRequestTests {
    @Test("staff verify an access request, download its package and complete it; each step in its history and audited")
    func accessRequest() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let head = try await fixture.asheHead()
            let request = try await Requests(vault: fixture.vault("ashe")).open(
                RequestIntake(kind: .access, subjectID: head, channel: .email, receivedOn: .today), actor: "test")
            try await fixture.user("office@ashe.example", role: .staff, in: "ashe")
            let page = "/console/requests/\(request.id.uuidString.lowercased())"
            try await fixture.consoleApp.test(.router) { client in
                let staff = try await ConsoleBrowser.signIn(client, "office@ashe.example")
                let (listStatus, list) = try await staff.get(client, "/console/requests")
                #expect(listStatus == .ok)
                #expect(list.contains(#"<a href="\#(page)">Access</a>"#))

                var (status, shown) = try await staff.get(client, page)
                #expect(status == .ok)
                #expect(shown.contains("<dd>awaiting verification</dd>"))
                #expect(shown.contains("Clock not started: identity awaited"))
                #expect(shown.contains("<h2>What comes next</h2>"))
                #expect(shown.contains(#"<button type="submit">Identity verified</button>"#))
                #expect(!shown.contains("Completed: the answer was sent"))
                #expect(!shown.contains("Download the access package"), "not before identity is verified")
                #expect(try await staff.get(client, page + "/package.zip").0 == .conflict)
                let token = try await staff.formToken(client)

                let (verified, location) = try await staff.post(
                    client, page + "/steps", form: "action=verified", token: token)
                #expect(verified == .seeOther)
                #expect(location[.location] == page + "?done=verified")
                (status, shown) = try await staff.get(client, page + "?done=verified")
                #expect(shown.contains("Recorded: identity verified."))
                #expect(shown.contains("<dd>in progress</dd>"))
                #expect(shown.contains("Download the access package"))

                // Refusing needs a reason; the form says so and nothing changes.
                let (unreasoned, _) = try await staff.post(
                    client, page + "/steps", form: "action=refused", token: token)
                #expect(unreasoned == .badRequest)
                // A step the state does not allow is refused with the rule.
                let (twice, _) = try await staff.post(client, page + "/steps", form: "action=verified", token: token)
                #expect(twice == .conflict)

                let zip = try await client.execute(
                    uri: page + "/package.zip", method: .get, headers: [.cookie: try #require(staff.cookie)]
                ) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "application/zip")
                    return Data(buffer: response.body)
                }
                let archive = try Archive(data: zip, accessMode: .read)
                #expect(archive.map(\.path).contains { $0.hasSuffix(".html") })

                let (completed, _) = try await staff.post(
                    client, page + "/steps", form: "action=completed", token: token)
                #expect(completed == .seeOther)
                (status, shown) = try await staff.get(client, page)
                #expect(shown.contains("<dd>completed</dd>"))
                #expect(shown.contains("No further steps: the request is closed."))
                #expect(shown.contains("<td>Identity verified</td><td>user:office@ashe.example</td>"))
            }
            let events = try await fixture.store.auditEntries(after: 0, limit: 1000).map(\.event)
                .filter { $0.actor == "user:office@ashe.example" }.map(\.action)
            for action in ["request.verified", "request.package", "request.completed"] {
                #expect(events.contains(action), "\(action) in \(events)")
            }
        }
    }

    @Test("an auditor reads the request but takes no step; only the DPO approves an erasure")
    func whoActs() async throws {
        try await ApiFixture.with(["asset"]) { fixture in
            let vault = try await fixture.vault("asset")
            let type = try #require(vault.policy.recordType("contact"))
            let outcome = try await vault.write(
                RecordInput(
                    type: type, values: ["name": "Jo Bloggs", "school_name": "A School", "email": "jo@example.org"],
                    source: .person), actor: "test")
            guard case .created(_, let subjects, _) = outcome, let contact = subjects["contact"] else {
                throw ApiFixture.FixtureFailure()
            }
            let request = try await Requests(vault: vault).open(
                RequestIntake(
                    kind: .erasure, subjectID: contact, channel: .email, receivedOn: .today,
                    identityShown: true), actor: "test")
            try await Requests(vault: vault).record(
                .submittedForApproval, request: request.id, on: .today, actor: "test")
            try await fixture.user("auditor@asset.example", role: .auditor, in: "asset")
            try await fixture.user("staff@asset.example", role: .staff, in: "asset")
            let page = "/console/requests/\(request.id.uuidString.lowercased())"
            try await fixture.consoleApp.test(.router) { client in
                let auditor = try await ConsoleBrowser.signIn(client, "auditor@asset.example")
                let (status, shown) = try await auditor.get(client, page)
                #expect(status == .ok)
                #expect(!shown.contains("Next steps"))
                #expect(
                    try await auditor.post(
                        client, page + "/steps", form: "action=refused&reason=x", token: auditor.formToken(client)
                    ).0 == .forbidden)

                let staff = try await ConsoleBrowser.signIn(client, "staff@asset.example")
                #expect(!(try await staff.get(client, page).1.contains(">Approve</button>")))
                #expect(
                    try await staff.post(
                        client, page + "/steps", form: "action=approved&reason=fine", token: staff.formToken(client)
                    ).0 == .forbidden)
            }
        }
    }
}
