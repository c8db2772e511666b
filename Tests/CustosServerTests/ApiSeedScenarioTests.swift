import CustosCore
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

/// The seeds' rights, end to end through the API, on the legal clock, with the audit trail.
@Suite("Seed scenarios: every right over HTTP")
struct ApiSeedScenarioTests {
    @Test(
        "ASSET: access, rectification, objection to marketing, restriction, portability and an erasure asked for by phone and approved by the DPO"
    )
    func asset() async throws {
        try await ApiFixture.with(["asset"]) { fixture in
            let office = try await fixture.token("asset", role: .staff, name: "office")
            let dpo = try await fixture.token("asset", role: .dpo, name: "dpo")
            let contact =
                #"{"type": "contact", "values": {"name": "Sam Bursar", "school_name": "Hill School", "email": "sam@hill.example"}}"#
            try await fixture.app.test(.router) { client in
                let written = try await client.api(
                    .post, "/records", token: office, json: contact, purpose: "account_management", expect: .created)
                let subject = try #require(written[path: "subjects", "contact"] as? String)
                let record = try #require(written["record"] as? String)
                try await client.api(
                    .post, "/subjects/\(subject)/consents", token: office,
                    json: #"{"action": "given", "purpose": "marketing", "list": "newsletter", "source": "web_form"}"#,
                    expect: .created)

                func open(
                    _ kind: String, channel: String = "email", received: String = "2026-09-01"
                ) async throws
                    -> String
                {
                    let created = try await client.api(
                        .post, "/requests", token: office,
                        json:
                            #"{"kind": "\#(kind)", "subject": "\#(subject)", "channel": "\#(channel)", "received": "\#(received)"}"#,
                        expect: .created)
                    let id = try #require(created["id"] as? String)
                    let verified = try await client.api(
                        .post, "/requests/\(id)/events", token: office,
                        json: #"{"action": "verified", "day": "\#(received)"}"#, expect: .ok)
                    // Received Tuesday 1 September: due Thursday 1 October.
                    #expect(verified["due"] as? String == "2026-10-01", "\(kind)")
                    return id
                }

                // Access: the package, then completion.
                let access = try await open("access")
                let zip = try await client.execute(
                    uri: "/api/v1/requests/\(access)/package", method: .get,
                    headers: [.authorization: "Bearer \(office)"])
                #expect(zip.status == .ok)
                let done = try await client.api(
                    .post, "/requests/\(access)/events", token: office,
                    json: #"{"action": "completed", "day": "2026-09-10"}"#, expect: .ok)
                #expect(done["state"] as? String == "completed")

                // Rectification of the school's name.
                let rectification = try await open("rectification")
                try await client.api(
                    .post, "/requests/\(rectification)/rectification", token: office,
                    json: #"{"record": "\#(record)", "changes": {"school_name": "Hill Academy"}}"#, expect: .ok)

                // Objection to marketing: absolute and immediate.
                let objection = try await open("objection")
                try await client.api(
                    .post, "/requests/\(objection)/objection", token: office, json: #"{"purposes": ["marketing"]}"#,
                    expect: .ok)
                let decision = try await client.api(
                    .get, "/contact-decisions?subject=\(subject)&purpose=marketing&channel=email&list=newsletter",
                    token: office, expect: .ok)
                #expect(decision["allowed"] as? Bool == false)

                // Restriction while the accuracy of the record is checked.
                let restriction = try await open("restriction")
                try await client.api(
                    .post, "/requests/\(restriction)/restriction", token: office,
                    json: #"{"ground": "accuracy_contested"}"#, expect: .ok)

                // Portability of what the contact gave.
                let portability = try await open("portability")
                let portable = try await client.execute(
                    uri: "/api/v1/requests/\(portability)/portable", method: .get,
                    headers: [.authorization: "Bearer \(office)"])
                #expect(portable.status == .ok)
                try await client.api(
                    .post, "/requests/\(portability)/events", token: office,
                    json: #"{"action": "completed", "day": "2026-09-10"}"#, expect: .ok)

                // Erasure asked for by phone ("verbally or in writing"), put to the DPO.
                let erasure = try await open("erasure", channel: "phone")
                try await client.api(
                    .post, "/requests/\(erasure)/erasure", token: office, json: #"{"ground": "consent_withdrawn"}"#,
                    expect: .unprocessableContent)
                try await client.api(
                    .post, "/requests/\(erasure)/events", token: office,
                    json: #"{"action": "submitted_for_approval", "day": "2026-09-02"}"#, expect: .ok)
                try await client.api(
                    .post, "/requests/\(erasure)/events", token: dpo,
                    json: #"{"action": "approved", "day": "2026-09-03", "reason": "no other booking depends on it"}"#,
                    expect: .ok)
                let certificate = try await client.api(
                    .post, "/requests/\(erasure)/erasure", token: office,
                    json: #"{"ground": "consent_withdrawn", "day": "2026-09-03"}"#, expect: .ok)
                #expect(certificate["keyDestroyed"] as? Bool == true)
                #expect(certificate["approvedBy"] as? String == "token:dpo")

                // Nothing of Sam can be read or written back.
                // Sam's processing is restricted for every purpose: the DPO reads on an Art 18(2) ground.
                let shown = try await client.api(
                    .get, "/subjects/\(subject)", token: dpo, purpose: "account_management",
                    headers: ["Custos-Restriction-Ground": "legal_claims", "Custos-Reason": "checking the erasure"],
                    expect: .ok)
                #expect(!"\(shown)".contains("sam@hill.example"))
                #expect(!"\(shown)".contains("Sam Bursar"))
                try await client.api(
                    .post, "/records", token: office, json: contact, purpose: "account_management", expect: .conflict)

                let register = try await client.api(.get, "/requests?all=true", token: dpo, expect: .ok)
                let states = (register["requests"] as? [[String: Any]])?.compactMap { $0["state"] as? String }
                #expect(states?.count == 6)
                #expect(states?.allSatisfy { $0 == "completed" } == true)
            }
            let actions = try await AuditLog(store: fixture.store).entries(limit: 500).map(\.event.action)
            for action in [
                "request.received", "request.verified", "request.package", "request.completed",
                "request.submitted_for_approval", "request.approved", "request.portable", "subject.erase",
                "processing.objected", "processing.restricted", "record.update",
            ] {
                #expect(actions.contains(action), "\(action) is audited")
            }
            #expect(try await AuditLog(store: fixture.store).verify().failure == nil)
        }
    }

    @Test(
        "Hutton: a parent's access request with an item withheld, the educational record on the school calendar, an erasure refused for the public task, an objection answered on compelling grounds"
    )
    func hutton() async throws {
        try await ApiFixture.with(["hutton"]) { fixture in
            let office = try await fixture.token("hutton", role: .staff, name: "office")
            let dpo = try await fixture.token("hutton", role: .dpo, name: "dpo")
            let pupil =
                #"{"type": "pupil_record", "values": {"name": "Ann Smith", "date_of_birth": "2017-03-04", "medical_conditions": "Asthma", "parent_name": "Jo Smith", "parent_phone": "01277 000000"}}"#
            try await fixture.app.test(.router) { client in
                try await client.api(
                    .post, "/school-calendar/terms", token: office,
                    json: #"{"from": "2026-12-18", "to": "2026-09-03"}"#,
                    expect: .unprocessableContent)
                let calendar = try await client.api(
                    .post, "/school-calendar/terms", token: office,
                    json: #"{"from": "2026-09-03", "to": "2026-12-18"}"#,
                    expect: .ok)
                #expect((calendar["terms"] as? [[String: Any]])?.count == 1)
                // A term overlapping one kept clashes with the calendar, which stays as it was.
                let overlap = try await client.api(
                    .post, "/school-calendar/terms", token: office,
                    json: #"{"from": "2026-12-01", "to": "2027-01-08"}"#,
                    expect: .conflict)
                #expect((overlap[path: "error", "message"] as? String)?.hasPrefix("from: the term overlaps") == true)
                let kept = try await client.api(.get, "/school-calendar", token: office, expect: .ok)
                #expect((kept["terms"] as? [[String: Any]])?.count == 1)
                let written = try await client.api(
                    .post, "/records", token: office, json: pupil, purpose: "education", expect: .created)
                let subject = try #require(written[path: "subjects", "pupil"] as? String)
                let record = try #require(written["record"] as? String)

                func open(_ kind: String) async throws -> [String: Any] {
                    try await client.api(
                        .post, "/requests", token: office,
                        json:
                            #"{"kind": "\#(kind)", "subject": "\#(subject)", "channel": "letter", "received": "2026-11-02", "identityShown": true, "onBehalfAs": "parent", "competence": "aged 9: not yet competent to act alone"}"#,
                        expect: .created)
                }

                let access = try await open("access")
                #expect(access["due"] as? String == "2026-12-02")
                let accessID = try #require(access["id"] as? String)
                try await client.api(
                    .post, "/requests/\(accessID)/withholdings", token: dpo,
                    json:
                        #"{"record": "\#(record)", "fields": ["medical_conditions"], "exemption": "serious_harm", "reason": "clinician's advice"}"#,
                    expect: .created)
                let zip = try await client.execute(
                    uri: "/api/v1/requests/\(accessID)/package", method: .get,
                    headers: [.authorization: "Bearer \(office)"])
                #expect(zip.status == .ok)

                // 15 school days from Monday 2 November, on the calendar kept.
                let educational = try await open("educational_record")
                #expect(educational["due"] as? String == "2026-11-20")

                let erasure = try #require(try await open("erasure")["id"] as? String)
                let assessment = try await client.api(
                    .get, "/requests/\(erasure)/erasure", token: dpo, expect: .ok)
                #expect((assessment["items"] as? [[String: Any]])?.first?["action"] as? String == "keep")
                try await client.api(
                    .post, "/requests/\(erasure)/erasure", token: dpo, json: #"{"ground": "no_longer_necessary"}"#,
                    expect: .unprocessableContent)
                let refused = try await client.api(
                    .post, "/requests/\(erasure)/events", token: dpo,
                    json:
                        #"{"action": "refused", "day": "2026-11-05", "reason": "the school must keep the pupil record for its public task (UK GDPR Art 17(3)(b))"}"#,
                    expect: .ok)
                #expect(refused["state"] as? String == "refused")

                let objection = try #require(try await open("objection")["id"] as? String)
                let answered = try await client.api(
                    .post, "/requests/\(objection)/objection", token: dpo,
                    json:
                        #"{"purposes": ["education"], "compellingGrounds": {"education": "the school's statutory duty to educate"}}"#,
                    expect: .ok)
                #expect(answered["state"] as? String == "completed")
                let open = try await client.api(.get, "/requests", token: dpo, expect: .ok)
                #expect(
                    (open["requests"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }.sorted()
                        == ["access", "educational_record"], "soonest due first; the answered ones closed")
            }
        }
    }

    /// Takes a request in by email on 1 September, verified the same day; returns its id.
    private func open(
        _ kind: String, for subject: String, token: String, client: some TestClientProtocol
    ) async throws -> String {
        let created = try await client.api(
            .post, "/requests", token: token,
            json:
                #"{"kind": "\#(kind)", "subject": "\#(subject)", "channel": "email", "received": "2026-09-01", "identityShown": true}"#,
            expect: .created)
        #expect(created["due"] as? String == "2026-10-01", "\(kind)")
        return try #require(created["id"] as? String)
    }

    @Test("ASHE: access, objection to marketing and an erasure needing no approval, with the recipients to tell")
    func ashe() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let office = try await fixture.token("ashe", role: .staff, name: "office")
            let head = try await fixture.asheHead().uuidString
            try await fixture.app.test(.router) { client in
                let access = try await open("access", for: head, token: office, client: client)
                let zip = try await client.execute(
                    uri: "/api/v1/requests/\(access)/package", method: .get,
                    headers: [.authorization: "Bearer \(office)"])
                #expect(zip.status == .ok)

                let objection = try await open("objection", for: head, token: office, client: client)
                try await client.api(
                    .post, "/requests/\(objection)/objection", token: office, json: #"{"purposes": ["marketing"]}"#,
                    expect: .ok)

                let erasure = try await open("erasure", for: head, token: office, client: client)
                let assessment = try await client.api(.get, "/requests/\(erasure)/erasure", token: office, expect: .ok)
                #expect(assessment["erasesEverything"] as? Bool == true)
                #expect(assessment["needsApproval"] as? Bool == false)
                let certificate = try await client.api(
                    .post, "/requests/\(erasure)/erasure", token: office, json: #"{"ground": "no_longer_necessary"}"#,
                    expect: .ok)
                #expect(certificate["keyDestroyed"] as? Bool == true)
                let tasks = try await client.api(.get, "/tasks", token: office, expect: .ok)
                #expect((tasks["tasks"] as? [[String: Any]])?.count == 1, "the recipients are to be told")
            }
        }
    }

    @Test("West Herts: a delegate's record is kept for the course until the DPO judges it no longer needed")
    func westHerts() async throws {
        try await ApiFixture.with(["west-herts"]) { fixture in
            let office = try await fixture.token("west-herts", role: .staff, name: "office")
            let dpo = try await fixture.token("west-herts", role: .dpo, name: "dpo")
            try await fixture.app.test(.router) { client in
                let written = try await client.api(
                    .post, "/records", token: office,
                    json:
                        #"{"type": "delegate_contact", "values": {"name": "Dee Legate", "email": "dee@school.example"}}"#,
                    purpose: "course_delivery", expect: .created)
                let delegate = try #require(written[path: "subjects", "delegate"] as? String)
                let access = try await open("access", for: delegate, token: office, client: client)
                #expect(
                    try await client.execute(
                        uri: "/api/v1/requests/\(access)/package", method: .get,
                        headers: [.authorization: "Bearer \(office)"]
                    ).status == .ok)

                let erasure = try await open("erasure", for: delegate, token: office, client: client)
                let kept = try await client.api(.get, "/requests/\(erasure)/erasure", token: dpo, expect: .ok)
                let item = try #require((kept["items"] as? [[String: Any]])?.first)
                #expect(item["action"] as? String == "keep")
                #expect(item["mayOverride"] as? Bool == true)
                let certificate = try await client.api(
                    .post, "/requests/\(erasure)/erasure", token: dpo,
                    json: #"{"ground": "no_longer_necessary", "eraseDespite": ["delegate_contact"]}"#, expect: .ok)
                #expect(certificate["keyDestroyed"] as? Bool == true)
            }
        }
    }

    @Test(
        "BEP: no fee where the policy states no lawful ground; an objection to relationship marketing is absolute")
    func bep() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            let office = try await fixture.token("bep", role: .staff, name: "office")
            try await fixture.app.test(.router) { client in
                let written = try await client.api(
                    .post, "/records", token: office,
                    json:
                        #"{"type": "registered_user", "values": {"first_name": "Pat", "surname": "Head", "role": "Headteacher", "email": "pat@school.example", "school_urn": "100000"}}"#,
                    purpose: "service_delivery", expect: .created)
                let user = try #require(written[path: "subjects", "user"] as? String)
                // BEP's notice says it charges for every request, which the law does not allow: a
                // fee without its ground, or on a ground the notice does not state, is refused.
                let noGround = try await client.api(
                    .post, "/requests", token: office,
                    json:
                        #"{"kind": "access", "subject": "\#(user)", "channel": "email", "received": "2026-09-01", "identityShown": true, "awaitsFee": true}"#,
                    expect: .unprocessableContent)
                #expect((noGround[path: "error", "message"] as? String)?.hasPrefix("feeGround") == true)
                let notStated = try await client.api(
                    .post, "/requests", token: office,
                    json:
                        #"{"kind": "access", "subject": "\#(user)", "channel": "email", "received": "2026-09-01", "identityShown": true, "feeGround": "manifestly_unfounded_or_excessive"}"#,
                    expect: .unprocessableContent)
                #expect((notStated[path: "error", "message"] as? String)?.contains("requests are free") == true)
                let register = try await client.api(.get, "/requests?all=true", token: office, expect: .ok)
                #expect((register["requests"] as? [Any])?.isEmpty == true, "nothing was taken in")

                let objection = try await open("objection", for: user, token: office, client: client)
                try await client.api(
                    .post, "/requests/\(objection)/objection", token: office,
                    json: #"{"purposes": ["relationship_marketing"]}"#, expect: .ok)
                let decision = try await client.api(
                    .get, "/contact-decisions?subject=\(user)&purpose=relationship_marketing&channel=email",
                    token: office, expect: .ok)
                #expect(decision["allowed"] as? Bool == false)
            }
        }
    }
}
