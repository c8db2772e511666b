import CustosCore
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

@Suite("The API: the register of requests")
struct ApiRequestTests {
    @Test("staff take a request in and move it on; it is listed by due date and shows how the date was reached")
    func lifecycle() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let staff = try await fixture.token("ashe", role: .staff, name: "office")
            let dpo = try await fixture.token("ashe", role: .dpo, name: "dpo")
            let id = try await fixture.asheHead().uuidString
            try await fixture.app.test(.router) { client in
                let created = try await client.api(
                    .post, "/requests", token: staff,
                    json: #"{"kind": "access", "subject": "\#(id)", "channel": "phone", "received": "2026-09-01"}"#,
                    expect: .created)
                #expect(created["state"] as? String == "awaiting_verification")
                #expect(created["due"] == nil)
                let request = try #require(created["id"] as? String)

                let verified = try await client.api(
                    .post, "/requests/\(request)/events", token: staff,
                    json: #"{"action": "verified", "day": "2026-09-03"}"#, expect: .ok)
                #expect(verified["state"] as? String == "in_progress")
                #expect(verified["due"] as? String == "2026-10-05")

                let list = try await client.api(.get, "/requests", token: staff, expect: .ok)
                #expect((list["requests"] as? [[String: Any]])?.map { $0["id"] as? String } == [request])
                let detail = try await client.api(.get, "/requests/\(request)", token: staff, expect: .ok)
                #expect(
                    (detail["events"] as? [[String: Any]])?.map { $0["action"] as? String } == ["received", "verified"])
                #expect((detail["deadlineSteps"] as? [String])?.last?.contains("Monday 5 October 2026") == true)

                try await client.api(
                    .post, "/requests/\(request)/events", token: staff,
                    json: #"{"action": "submitted_for_approval", "day": "2026-09-20"}"#, expect: .ok)
                try await client.api(
                    .post, "/requests/\(request)/events", token: staff,
                    json: #"{"action": "approved", "day": "2026-09-21", "reason": "fine"}"#, expect: .forbidden)
                try await client.api(
                    .post, "/requests/\(request)/events", token: dpo,
                    json: #"{"action": "approved", "day": "2026-09-21", "reason": "package checked"}"#, expect: .ok)
                let done = try await client.api(
                    .post, "/requests/\(request)/events", token: staff,
                    json: #"{"action": "completed", "day": "2026-09-22"}"#, expect: .ok)
                #expect(done["state"] as? String == "completed")
                let zip = try await client.execute(
                    uri: "/api/v1/requests/\(request)/package", method: .get,
                    headers: [.authorization: "Bearer \(staff)"])
                #expect(zip.status == .ok)
                #expect(zip.headers[.contentType] == "application/zip")
                #expect(Array(zip.body.readableBytesView.prefix(2)) == Array("PK".utf8))
                let open = try await client.api(.get, "/requests", token: staff, expect: .ok)
                #expect((open["requests"] as? [[String: Any]])?.isEmpty == true)
                let all = try await client.api(.get, "/requests?all=true", token: staff, expect: .ok)
                #expect((all["requests"] as? [[String: Any]])?.count == 1)
            }
        }
    }

    @Test("bad input gets a 4xx naming the field and writes nothing; other roles and workspaces are kept out")
    func badInput() async throws {
        try await ApiFixture.with(["ashe", "bep"]) { fixture in
            let staff = try await fixture.token("ashe", role: .staff)
            let auditor = try await fixture.token("ashe", role: .auditor)
            let other = try await fixture.token("bep", role: .dpo)
            let id = try await fixture.asheHead().uuidString
            try await fixture.app.test(.router) { client in
                let cases: [(String, HTTPResponse.Status, String?)] = [
                    (#"{"kind": "gossip", "channel": "phone"}"#, .badRequest, "kind"),
                    (#"{"kind": "access", "channel": "pigeon"}"#, .badRequest, "channel"),
                    (#"{"kind": "access", "channel": "phone", "received": "1 Sept"}"#, .badRequest, "received"),
                    (#"{"kind": "access", "channel": "phone", "subject": "nope"}"#, .badRequest, "subject"),
                    (#"{"kind": "access", "channel": "phone", "subject": "\#(UUID())"}"#, .notFound, nil),
                    (#"{"kind": "educational_record", "channel": "letter"}"#, .unprocessableContent, "kind"),
                    (
                        #"{"kind": "access", "channel": "letter", "subject": "\#(id)", "onBehalfAs": "parent"}"#,
                        .unprocessableContent, "competence"
                    ),
                    (#"{"kind": 7}"#, .badRequest, nil),
                ]
                for (body, status, field) in cases {
                    let answer = try await client.api(.post, "/requests", token: staff, json: body, expect: status)
                    let message = answer[path: "error", "message"] as? String ?? ""
                    if let field { #expect(message.hasPrefix(field), "\(body): \(message)") }
                }
                let created = try await client.api(
                    .post, "/requests", token: staff,
                    json: #"{"kind": "erasure", "subject": "\#(id)", "channel": "email", "identityShown": true}"#,
                    expect: .created)
                let request = try #require(created["id"] as? String)
                let steps: [(String, HTTPResponse.Status, String?)] = [
                    (#"{"action": "received"}"#, .badRequest, "action"),
                    (#"{"action": "teleported"}"#, .badRequest, "action"),
                    (#"{"action": "refused"}"#, .unprocessableContent, "refused: give the reason"),
                    (#"{"action": "verified"}"#, .unprocessableContent, "verified is not possible"),
                    (#"{"action": "completed", "day": "2026-99-01"}"#, .badRequest, "day"),
                ]
                for (body, status, start) in steps {
                    let answer = try await client.api(
                        .post, "/requests/\(request)/events", token: staff, json: body, expect: status)
                    let message = answer[path: "error", "message"] as? String ?? ""
                    if let start { #expect(message.hasPrefix(start), "\(body): \(message)") }
                }
                try await client.api(
                    .post, "/requests/\(UUID())/events", token: staff, json: #"{"action": "completed"}"#,
                    expect: .notFound)
                try await client.api(.get, "/requests/\(request)", token: other, expect: .notFound)
                try await client.api(.get, "/requests/\(request)", token: auditor, expect: .ok)
                try await client.api(.get, "/requests/\(request)/package", token: auditor, expect: .forbidden)
                try await client.api(.get, "/requests/\(request)/package", token: staff, expect: .unprocessableContent)
                try await client.api(
                    .post, "/requests/\(request)/events", token: auditor, json: #"{"action": "completed"}"#,
                    expect: .forbidden)
                let detail = try await client.api(.get, "/requests/\(request)", token: staff, expect: .ok)
                #expect((detail["events"] as? [[String: Any]])?.count == 2, "nothing was written by the bad steps")
                let all = try await client.api(.get, "/requests?all=true", token: staff, expect: .ok)
                #expect((all["requests"] as? [[String: Any]])?.count == 1, "nothing was written by the bad intakes")
            }
        }
    }
}
