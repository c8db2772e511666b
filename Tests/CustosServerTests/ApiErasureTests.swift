import CustosCore
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

@Suite("The API: erasure, legal holds and tasks")
struct ApiErasureTests {
    @Test(
        "a hold keeps the record until the DPO releases it; the erasure then runs once, with a certificate and a task")
    func erasure() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let staff = try await fixture.token("ashe", role: .staff, name: "office")
            let dpo = try await fixture.token("ashe", role: .dpo, name: "dpo")
            let auditor = try await fixture.token("ashe", role: .auditor, name: "auditor")
            let subject = try await fixture.asheHead().uuidString
            try await fixture.app.test(.router) { client in
                let created = try await client.api(
                    .post, "/requests", token: staff,
                    json: #"{"kind": "erasure", "subject": "\#(subject)", "channel": "phone", "identityShown": true}"#,
                    expect: .created)
                let request = try #require(created["id"] as? String)

                try await client.api(
                    .post, "/legal-holds", token: staff, json: #"{"subject": "\#(subject)", "reason": "claim"}"#,
                    expect: .forbidden)
                try await client.api(
                    .post, "/legal-holds", token: dpo, json: #"{"reason": "claim"}"#, expect: .unprocessableContent)
                let hold = try await client.api(
                    .post, "/legal-holds", token: dpo, json: #"{"subject": "\#(subject)", "reason": "claim 17"}"#,
                    expect: .created)
                let holdID = try #require(hold["id"] as? String)
                let held = try await client.api(.get, "/requests/\(request)/erasure", token: staff, expect: .ok)
                let item = try #require((held["items"] as? [[String: Any]])?.first)
                #expect(item["action"] as? String == "keep")
                #expect(item["exemption"] as? String == "UK GDPR Art 17(3)(e)")
                let refused = try await client.api(
                    .post, "/requests/\(request)/erasure", token: staff, json: #"{"ground": "consent_withdrawn"}"#,
                    expect: .unprocessableContent)
                #expect((refused[path: "error", "message"] as? String)?.contains("nothing can be erased") == true)

                let release = try await client.execute(
                    uri: "/api/v1/legal-holds/\(holdID)/release", method: .post,
                    headers: [.authorization: "Bearer \(dpo)"])
                #expect(release.status == .noContent)
                let holds = try await client.api(.get, "/legal-holds?all=true", token: auditor, expect: .ok)
                #expect((holds["holds"] as? [[String: Any]])?.first?["released"] != nil)

                try await client.api(
                    .post, "/requests/\(request)/erasure", token: staff, json: #"{"ground": "whim"}"#,
                    expect: .badRequest)
                try await client.api(
                    .post, "/requests/\(request)/erasure", token: auditor, json: #"{"ground": "consent_withdrawn"}"#,
                    expect: .forbidden)
                let certificate = try await client.api(
                    .post, "/requests/\(request)/erasure", token: staff, json: #"{"ground": "consent_withdrawn"}"#,
                    expect: .ok)
                #expect(certificate["keyDestroyed"] as? Bool == true)
                #expect(certificate["ground"] as? String == "consent_withdrawn")
                #expect((certificate["text"] as? String)?.contains("Erasure certificate") == true)
                let again = try await client.api(
                    .get, "/requests/\(request)/certificate", token: auditor, expect: .ok)
                #expect(again["requestID"] as? String == certificate["requestID"] as? String)

                // Nothing of the person is readable by any route.
                let shown = try await client.api(
                    .get, "/subjects/\(subject)", token: dpo, purpose: "booking_admin", expect: .ok)
                #expect(!"\(shown)".contains("ann.smith@example.sch.uk"))
                let found = try await client.api(
                    .post, "/subjects/search", token: dpo,
                    json: #"{"kind": "email", "value": "ann.smith@example.sch.uk"}"#, expect: .ok)
                #expect((found["subjects"] as? [[String: Any]])?.isEmpty == true)

                let tasks = try await client.api(.get, "/tasks", token: staff, expect: .ok)
                let task = try #require((tasks["tasks"] as? [[String: Any]])?.first)
                #expect(task["kind"] as? String == "notify_recipients")
                let taskID = try #require(task["id"] as? String)
                try await client.api(
                    .post, "/tasks/\(taskID)/done", token: staff, json: #"{"note": " "}"#,
                    expect: .unprocessableContent)
                let done = try await client.execute(
                    uri: "/api/v1/tasks/\(taskID)/done", method: .post,
                    headers: [.authorization: "Bearer \(staff)", .contentType: "application/json"],
                    body: ByteBuffer(string: #"{"note": "emailed the venues"}"#))
                #expect(done.status == .noContent)
                let left = try await client.api(.get, "/tasks", token: staff, expect: .ok)
                #expect((left["tasks"] as? [[String: Any]])?.isEmpty == true)
                // Done twice is a clash with what is stored, and the first note stands.
                let doneTwice = try await client.api(
                    .post, "/tasks/\(taskID)/done", token: staff, json: #"{"note": "emailed them again"}"#,
                    expect: .conflict)
                #expect(doneTwice[path: "error", "code"] as? String == "conflict")
                let all = try await client.api(.get, "/tasks?all=true", token: staff, expect: .ok)
                #expect((all["tasks"] as? [[String: Any]])?.first?["note"] as? String == "emailed the venues")
            }
        }
    }
}
