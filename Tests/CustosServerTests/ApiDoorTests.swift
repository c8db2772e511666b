import CustosCore
import CustosServices
import CustosTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

/// The door to personal data, route by route: every API route that reads, changes or writes a
/// person's records, against every refusal the door makes. Each refusal answers with the rule's
/// code, returns nothing of the person, changes nothing, and is audited as refused.
@Suite("The door: every API route that uses personal data, against every refusal")
struct ApiDoorTests {
    /// One way in: how to call it for a purpose, with the person's email or record id.
    struct Route: Sendable, CustomStringConvertible {
        var description: String
        var method: HTTPRequest.Method
        var path: @Sendable (_ subject: UUID, _ record: UUID) -> String
        var json: String?
        /// What a refusal must not leave in the answer.
        var secret = "ann.smith@example.sch.uk"
    }

    static let routes: [Route] = [
        Route(description: "GET /subjects/{id}", method: .get, path: { subject, _ in "/subjects/\(subject)" }),
        Route(description: "GET /records/{id}", method: .get, path: { _, record in "/records/\(record)" }),
        Route(
            description: "PATCH /records/{id}", method: .patch, path: { _, record in "/records/\(record)" },
            json: #"{"values": {"school_phone": "01245 999999"}}"#),
        Route(
            description: "POST /records (the same person, found by email)", method: .post, path: { _, _ in "/records" },
            json: """
                {"type": "member_contact", "values": {"name": "Ann Smith", "school_address": "2 Low Road",
                 "head_email": "ann.smith@example.sch.uk"}}
                """),
    ]

    /// A refusal: how to bring it about for the person, the purpose to ask for, and what answers.
    struct Refusal: Sendable, CustomStringConvertible {
        var description: String
        var purpose: String?
        var status: HTTPResponse.Status
        var code: String
        var prepare: @Sendable (Vault, UUID) async throws -> Void = { _, _ in }
    }

    static let refusals: [Refusal] = [
        Refusal(description: "no purpose named", purpose: nil, status: .badRequest, code: "purpose_required"),
        Refusal(
            description: "a made-up purpose", purpose: "nonsense", status: .unprocessableContent,
            code: "unknown_purpose"),
        Refusal(
            description: "a purpose resting on consent never given", purpose: "marketing", status: .forbidden,
            code: "consent_missing"),
        Refusal(
            description: "a purpose the record type is not kept for", purpose: "access_needs", status: .forbidden,
            code: "purpose_not_allowed"),
        Refusal(
            description: "processing restricted for the purpose", purpose: "booking_admin", status: .forbidden,
            code: "restricted",
            prepare: { vault, subject in
                try await Contacts(vault: vault).setProcessingState(
                    .restricted, subject: subject, purpose: "booking_admin", reason: "accuracy contested",
                    actor: "test")
            }),
        Refusal(
            description: "an objection with no compelling grounds", purpose: "guidance_updates", status: .forbidden,
            code: "objected",
            prepare: { vault, subject in
                try await Contacts(vault: vault).setProcessingState(
                    .objected, subject: subject, purpose: "guidance_updates", reason: "objection", actor: "test")
            }),
    ]

    @Test("refused with the rule's code, nothing returned, nothing changed, the refusal audited", arguments: routes)
    func everyRefusal(route: Route) async throws {
        for refusal in Self.refusals {
            try await ApiFixture.with(["ashe"]) { fixture in
                let vault = try await fixture.vault("ashe")
                let subject = try await fixture.asheHead()
                let record = try #require(try await vault.read(subject: subject, actor: "test").records.first?.recordID)
                try await refusal.prepare(vault, subject)
                let staff = try await fixture.token("ashe", role: .staff, name: "office")
                let before = try await vault.read(record: record, actor: "test")
                // A person's records for a purpose none of their types is kept for: none, read and audited.
                if refusal.code == "purpose_not_allowed", route.method == .get, route.description.contains("subjects") {
                    try await fixture.app.test(.router) { client in
                        let answer = try await client.api(
                            route.method, route.path(subject, record), token: staff, purpose: refusal.purpose,
                            expect: .ok)
                        #expect((answer["records"] as? [[String: Any]])?.isEmpty == true)
                    }
                    return
                }
                try await fixture.app.test(.router) { client in
                    let answer = try await client.api(
                        route.method, route.path(subject, record), token: staff, json: route.json,
                        purpose: refusal.purpose, expect: refusal.status)
                    #expect(answer[path: "error", "code"] as? String == refusal.code, "\(route) · \(refusal)")
                    #expect(!"\(answer)".contains(route.secret), "\(route) · \(refusal)")
                    #expect(!"\(answer)".contains("Ann Smith"), "\(route) · \(refusal)")
                    if refusal.code == "unknown_purpose" {
                        let message = answer[path: "error", "message"] as? String ?? ""
                        #expect(message.contains("booking_admin"), "the purposes the role may use are listed")
                    }
                }
                #expect(try await vault.read(record: record, actor: "test") == before, "\(route) · \(refusal)")
                let entries = try await AuditLog(store: fixture.store).entries(limit: 1000).map(\.event)
                    .filter { $0.actor == "token:office" }
                #expect(entries.map(\.action) == ["access.refused"], "\(route) · \(refusal)")
                #expect(entries.first?.detail == "refused: \(refusal.code)")
                #expect(
                    !entries.contains { $0.purpose == "nonsense" }, "a made-up word never enters the log as a purpose")
            }
        }
    }

    @Test("the same routes answer for a purpose the policy allows, and for restricted data on an Art 18(2) ground")
    func allowedUses() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let vault = try await fixture.vault("ashe")
            let subject = try await fixture.asheHead()
            let record = try #require(try await vault.read(subject: subject, actor: "test").records.first?.recordID)
            let staff = try await fixture.token("ashe", role: .staff, name: "office")
            try await fixture.app.test(.router) { client in
                for route in Self.routes {
                    try await client.api(
                        route.method, route.path(subject, record), token: staff, json: route.json,
                        purpose: "booking_admin", expect: .ok)
                }
                // Consent given: the consent purpose may be used.
                try await Contacts(vault: vault).record(
                    .given, subject: subject, purpose: "marketing", wording: "yes", source: .webForm, actor: "test")
                try await client.api(.get, "/subjects/\(subject)", token: staff, purpose: "marketing", expect: .ok)

                try await Contacts(vault: vault).setProcessingState(
                    .restricted, subject: subject, purpose: "booking_admin", reason: "accuracy contested",
                    actor: "test")
                let refused = try await client.api(
                    .get, "/subjects/\(subject)", token: staff, purpose: "booking_admin",
                    headers: ["Custos-Restriction-Ground": "legal_claims"], expect: .unprocessableContent)
                #expect((refused[path: "error", "message"] as? String)?.contains("Custos-Reason") == true)
                let read = try await client.api(
                    .get, "/subjects/\(subject)", token: staff, purpose: "booking_admin",
                    headers: ["Custos-Restriction-Ground": "legal_claims", "Custos-Reason": "claim 42"], expect: .ok)
                #expect((read["records"] as? [[String: Any]])?.count == 1)
                // A change is never made to restricted data, whatever the ground.
                let change = try await client.api(
                    .patch, "/records/\(record)", token: staff, json: #"{"values": {"school_phone": "01245 1"}}"#,
                    purpose: "booking_admin",
                    headers: ["Custos-Restriction-Ground": "legal_claims", "Custos-Reason": "claim 42"],
                    expect: .forbidden)
                #expect(change[path: "error", "code"] as? String == "restricted")
            }
            let reads = try await AuditLog(store: fixture.store).entries(limit: 1000).map(\.event)
                .filter { $0.action == "subject.read" && $0.actor == "token:office" }
            #expect(reads.last?.reason == "restricted data used for legal claims: claim 42")
        }
    }

    @Test("a school leader reads colleagues only for the purpose BEP's access rule names")
    func roleLimitedToItsPurpose() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            let school = try await fixture.school("Basildon Academy", urn: "100001")
            let colleague = try await fixture.bepUser(urn: "100001")
            let leader = try await fixture.token("bep", role: .schoolLeader, school: school, name: "head")
            try await fixture.app.test(.router) { client in
                let seen = try await client.api(
                    .get, "/subjects/\(colleague)", token: leader, purpose: "colleague_visibility", expect: .ok)
                #expect(
                    (seen["records"] as? [[String: Any]])?.count == 1, "the colleague, for the purpose the rule names")
                let refused = try await client.api(
                    .get, "/subjects/\(colleague)", token: leader, purpose: "eligibility_checks", expect: .ok)
                #expect(
                    (refused["records"] as? [[String: Any]])?.isEmpty == true,
                    "no record type the leader reads is theirs to read for eligibility checks")
            }
        }
    }

    @Test("a record about someone held is written for the person named, never for a new one")
    func recordAboutSomeoneHeld() async throws {
        try await ApiFixture.with(["hutton", "ashe"]) { fixture in
            let office = try await fixture.token("hutton", role: .dpo, name: "office")
            let stranger = try await fixture.asheHead()
            try await fixture.app.test(.router) { client in
                let pupil = try await client.api(
                    .post, "/records", token: office,
                    json: """
                        {"type": "pupil_record", "values": {"name": "Pat Pupil", "date_of_birth": "2016-04-01",
                         "upn": "B801200005001", "parent_name": "Sam Parent", "parent_phone": "01245 123456"}}
                        """, purpose: "education", expect: .created)
                let id = try #require(pupil[path: "subjects", "pupil"] as? String)
                let nobody = try await client.api(
                    .post, "/records", token: office,
                    json: #"{"type": "sen_file", "values": {"sen_provision": "K"}}"#, purpose: "education",
                    expect: .unprocessableContent)
                #expect((nobody[path: "error", "message"] as? String)?.contains("subjects.pupil") == true)
                try await client.api(
                    .post, "/records", token: office,
                    json:
                        #"{"type": "sen_file", "values": {"sen_provision": "K"}, "subjects": {"pupil": "\#(stranger)"}}"#,
                    purpose: "education", expect: .notFound)
                let written = try await client.api(
                    .post, "/records", token: office,
                    json: #"{"type": "sen_file", "values": {"sen_provision": "K"}, "subjects": {"pupil": "\#(id)"}}"#,
                    purpose: "education", expect: .created)
                #expect(written[path: "subjects", "pupil"] as? String == id)
                let read = try await client.api(
                    .get, "/subjects/\(id)", token: office, purpose: "education", expect: .ok)
                #expect((read["records"] as? [[String: Any]])?.count == 2)

                // The person named is decided like anyone found by identifier: restricted, nothing is written.
                let vault = try await fixture.vault("hutton")
                try await Contacts(vault: vault).setProcessingState(
                    .restricted, subject: try #require(UUID(uuidString: id)), purpose: "education",
                    reason: "accuracy contested", actor: "test")
                let refused = try await client.api(
                    .post, "/records", token: office,
                    json: #"{"type": "sen_file", "values": {"sen_provision": "E"}, "subjects": {"pupil": "\#(id)"}}"#,
                    purpose: "education", expect: .forbidden)
                #expect(refused[path: "error", "code"] as? String == "restricted")
            }
        }
    }

    @Test("nothing leaves before identity: no package or portable copy for a request awaiting verification")
    func identityFirst() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let vault = try await fixture.vault("ashe")
            let subject = try await fixture.asheHead()
            let requests = Requests(vault: vault)
            let access = try await requests.open(
                RequestIntake(kind: .access, subjectID: subject, channel: .email, receivedOn: .today), actor: "test")
            let portability = try await requests.open(
                RequestIntake(kind: .portability, subjectID: subject, channel: .email, receivedOn: .today),
                actor: "test")
            let dpo = try await fixture.token("ashe", role: .dpo)
            try await fixture.app.test(.router) { client in
                for path in ["/requests/\(access.id)/package", "/requests/\(portability.id)/portable"] {
                    let refused = try await client.api(.get, path, token: dpo, expect: .conflict)
                    #expect(refused[path: "error", "code"] as? String == "identity_not_verified")
                    #expect(!"\(refused)".contains("Ann Smith"))
                }
            }
            await #expect(throws: UseRefusal.self) { try await requests.package(access.id, actor: "cli:dpo") }
            let packaged = try await AuditLog(store: fixture.store).entries(limit: 1000)
                .filter { $0.event.action == "request.package" || $0.event.action == "request.portable" }
            #expect(packaged.isEmpty)
        }
    }

    @Test("powers do not climb: an administrator cannot mint a DPO's token, by the console or the library")
    func powersDoNotClimb() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            try await fixture.user("admin@bep.example", role: .admin)
            let workspace = try await fixture.workspace("bep")
            await #expect(throws: UseRefusal.self) {
                try await AccessTokens(store: fixture.store).issue(
                    name: "climb", role: .dpo, in: workspace, by: "user:admin", makerRole: .admin)
            }
            try await fixture.consoleApp.test(.router) { client in
                let admin = try await ConsoleBrowser.signIn(client, "admin@bep.example")
                let (_, form) = try await admin.get(client, "/console/tokens")
                #expect(!form.contains("<option value=\"dpo\""), "the DPO's role is not offered")
                let token = try await admin.formToken(client)
                let (status, _) = try await admin.post(
                    client, "/console/tokens", form: "name=Climb&role=dpo", token: token)
                #expect(status == .badRequest)
            }
            #expect(try await fixture.store.accessTokens(in: workspace.id).isEmpty, "no token was made")
            #expect(!StaffRole.admin.mayGrant(.dpo))
            #expect(StaffRole.admin.mayGrant(.staff))
            #expect(StaffRole.dpo.mayGrant(.dpo))
            #expect(!StaffRole.staff.mayGrant(.schoolLeader), "a leader authorises; staff do not")
        }
    }
}
