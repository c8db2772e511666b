import CustosCore
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

@Suite("The API: restriction, objection, rectification and portability")
struct ApiRightsTests {
    @Test("each right is carried out through its route and completes its request; bad input names the field")
    func rights() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let staff = try await fixture.token("ashe", role: .staff, name: "office")
            let dpo = try await fixture.token("ashe", role: .dpo, name: "dpo")
            let head = try await fixture.asheHead()
            let subject = head.uuidString
            let record = try #require(
                try await fixture.vault("ashe").read(subject: head, actor: "test").records.first?.recordID.uuidString)
            try await fixture.app.test(.router) { client in
                func open(_ kind: String) async throws -> String {
                    let created = try await client.api(
                        .post, "/requests", token: staff,
                        json:
                            #"{"kind": "\#(kind)", "subject": "\#(subject)", "channel": "email", "identityShown": true}"#,
                        expect: .created)
                    guard let id = created["id"] as? String else { throw ApiFixture.FixtureFailure() }
                    return id
                }

                let restriction = try await open("restriction")
                try await client.api(
                    .post, "/requests/\(restriction)/restriction", token: staff, json: #"{"ground": "whim"}"#,
                    expect: .badRequest)
                let restricted = try await client.api(
                    .post, "/requests/\(restriction)/restriction", token: staff,
                    json: #"{"ground": "accuracy_contested"}"#, expect: .ok)
                #expect(restricted["state"] as? String == "completed")

                let objection = try await open("objection")
                let grounds =
                    #"{"purposes": ["customer_research"], "compellingGrounds": {"customer_research": "members steer courses"}}"#
                try await client.api(
                    .post, "/requests/\(objection)/objection", token: staff, json: grounds, expect: .forbidden)
                try await client.api(.post, "/requests/\(objection)/objection", token: dpo, json: grounds, expect: .ok)

                let rectification = try await open("rectification")
                try await client.api(
                    .post, "/requests/\(rectification)/rectification", token: staff,
                    json: #"{"record": "\#(record)", "changes": {"nonsense": "x"}}"#, expect: .unprocessableContent)
                try await client.api(
                    .post, "/requests/\(rectification)/rectification", token: staff,
                    json: #"{"record": "\#(record)", "changes": {"name": "Ann Smyth"}}"#, expect: .ok)

                let refusal = try await open("rectification")
                try await client.api(
                    .post, "/requests/\(refusal)/rectification", token: staff,
                    json: #"{"record": "\#(record)", "statement": "my view"}"#, expect: .unprocessableContent)
                let answered = try await client.api(
                    .post, "/requests/\(refusal)/rectification", token: staff,
                    json: #"{"record": "\#(record)", "refuse": "our records are right", "statement": "my view"}"#,
                    expect: .ok)
                #expect(answered["state"] as? String == "refused")

                let portability = try await open("portability")
                let zip = try await client.execute(
                    uri: "/api/v1/requests/\(portability)/portable", method: .get,
                    headers: [.authorization: "Bearer \(staff)"])
                #expect(zip.status == .ok)
                #expect(zip.headers[.contentType] == "application/zip")

                let access = try await open("access")
                let refused = try await client.api(
                    .post, "/requests/\(access)/withholdings", token: staff,
                    json: #"{"record": "\#(record)", "exemption": "serious_harm", "reason": "clinician's advice"}"#,
                    expect: .unprocessableContent)
                #expect((refused[path: "error", "message"] as? String)?.hasPrefix("exemption:") == true)
                try await client.api(
                    .post, "/requests/\(access)/withholdings", token: staff,
                    json: #"{"record": "\#(record)", "exemption": "whim", "reason": "x"}"#, expect: .badRequest)

                let tasks = try await client.api(.get, "/tasks", token: staff, expect: .ok)
                #expect(
                    (tasks["tasks"] as? [[String: Any]])?.count == 2, "one for the restriction, one for the correction")
            }
        }
    }
}
