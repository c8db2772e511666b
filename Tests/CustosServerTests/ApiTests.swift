import CustosCore
import CustosServices
import CustosTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

@Suite("The API")
struct ApiTests {
    static let headContact = """
        {"type": "member_contact", "source": {"kind": "form", "name": "membership form"},
         "values": {"name": "Ann Smith", "school_address": "1 High Street, Chelmsford",
                    "head_email": "Ann.Smith@Example.sch.uk", "pa_name": "Bob Jones", "pa_email": "bob@example.sch.uk"}}
        """

    @Test("nothing but the OpenAPI document answers without a live token; errors are JSON with a stable code")
    func tokensRequired() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let revoked = try await AccessTokens(store: fixture.store).issue(
                name: "old", role: .dpo, in: fixture.workspace("ashe"), by: "test", makerRole: nil)
            try await AccessTokens(store: fixture.store).revoke(
                id: revoked.token.id, in: fixture.workspace("ashe"), by: "test")
            let live = try await fixture.token("ashe", role: .dpo)
            try await fixture.app.test(.router) { client in
                for token in [nil, "nonsense", revoked.bearer, String(live.dropLast(2)) + "AA"] {
                    let answer = try await client.api(.get, "/schools", token: token, expect: .unauthorized)
                    #expect(answer[path: "error", "code"] as? String == "unauthorized")
                }
                let document = try await client.api(.get, "/openapi.json", token: nil, expect: .ok)
                #expect(document["openapi"] as? String == "3.1.0")
                try await client.api(.get, "/schools", token: live, expect: .ok)
                let missing = try await client.api(.get, "/no-such-thing", token: live, expect: .notFound)
                #expect(missing[path: "error", "code"] as? String == "not_found")
                let badJSON = try await client.api(.post, "/records", token: live, json: "{", expect: .badRequest)
                #expect(badJSON[path: "error", "code"] as? String == "bad_request")
            }
        }
    }

    @Test(
        "a method a path does not take is a 405 naming the ones it does; a yes-or-no parameter takes true or false only"
    )
    func methodsAndFlags() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let dpo = try await fixture.token("ashe", role: .dpo)
            try await fixture.app.test(.router) { client in
                for (method, path, allowed) in [
                    (HTTPRequest.Method.trace, "/schools", "GET, POST"),
                    (.put, "/schools", "GET, POST"),
                    (.delete, "/subjects/\(UUID())", "GET"),
                    (.get, "/subjects/search", "POST"),
                    (.trace, "/openapi.json", "GET"),
                ] {
                    try await client.execute(
                        uri: "/api/v1" + path, method: method, headers: [.authorization: "Bearer \(dpo)"]
                    ) { response in
                        #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                        #expect(response.headers[.allow] == allowed, "\(method) \(path)")
                        #expect(String(buffer: response.body).contains(#""code":"method_not_allowed""#))
                    }
                }
                // The routes themselves still answer, and a path the API lacks is still a 404.
                try await client.api(.post, "/subjects/search", token: dpo, json: "{", expect: .badRequest)
                try await client.api(.trace, "/no-such-thing", token: dpo, expect: .notFound)
                for path in ["/requests", "/tasks", "/legal-holds"] {
                    let refused = try await client.api(.get, path + "?all=foo", token: dpo, expect: .badRequest)
                    #expect(refused[path: "error", "message"] as? String == "all: not true or false")
                    try await client.api(.get, path + "?all=true", token: dpo, expect: .ok)
                    try await client.api(.get, path + "?all=false", token: dpo, expect: .ok)
                }
            }
        }
    }

    @Test("a record written through the API is found by identifier, read whole, changed, and every step audited")
    func writeFindReadChange() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let auditor = try await fixture.token("ashe", role: .auditor, name: "reader")
            // ASHE's access rules let staff read and update its record types.
            let staff = try await fixture.token("ashe", role: .staff, name: "CRM sync")
            try await fixture.app.test(.router) { client in
                let forbidden = try await client.api(
                    .post, "/records", token: auditor, json: Self.headContact, expect: .forbidden)
                #expect(forbidden[path: "error", "code"] as? String == "forbidden")

                let written = try await client.api(
                    .post, "/records", token: staff, json: Self.headContact, purpose: "booking_admin", expect: .created)
                #expect(written["outcome"] as? String == "created")
                let record = try #require(written["record"] as? String)
                let head = try #require(written[path: "subjects", "head"] as? String)
                let pa = try #require(written[path: "subjects", "pa"] as? String)
                #expect(head != pa, "the PA is a person of their own")
                #expect(
                    (written["warnings"] as? [[String: Any]])?.map { $0["field"] as? String } == [],
                    "ASHE's member contact has no recommended fields")

                let found = try await client.api(
                    .post, "/subjects/search", token: staff,
                    json: #"{"kind": "email", "value": " ann.smith@EXAMPLE.sch.uk "}"#,
                    expect: .ok)
                #expect((found["subjects"] as? [[String: Any]])?.map { $0["id"] as? String } == [head])

                let subject = try await client.api(
                    .get, "/subjects/\(head)", token: staff, purpose: "booking_admin", expect: .ok)
                let parts = try #require(subject["records"] as? [[String: Any]])
                #expect(parts.count == 1)
                #expect(parts[0][path: "values", "head_email"] as? String == "ann.smith@example.sch.uk")
                #expect(parts[0][path: "values", "pa_email"] == nil, "the PA's part is the PA's")
                #expect(parts[0][path: "source", "name"] as? String == "membership form")
                #expect(subject["identifierKinds"] as? [String] == ["email"])

                let changed = try await client.api(
                    .patch, "/records/\(record)", token: staff,
                    json: #"{"values": {"school_phone": "01245 123456", "pa_name": "Robert Jones"}}"#,
                    purpose: "booking_admin", expect: .ok)
                #expect(changed["outcome"] as? String == "updated")
                let read = try await client.api(
                    .get, "/records/\(record)", token: staff, purpose: "booking_admin", expect: .ok)
                let byRole = Dictionary(
                    uniqueKeysWithValues: (read["parts"] as? [[String: Any]] ?? []).map {
                        ($0["role"] as? String ?? "", $0["values"] as? [String: String] ?? [:])
                    })
                #expect(byRole["head"]?["school_phone"] == "+441245123456")
                #expect(byRole["head"]?["name"] == "Ann Smith", "fields not named keep their values")
                #expect(byRole["pa"] == ["pa_name": "Robert Jones", "pa_email": "bob@example.sch.uk"])

                let cleared = try await client.api(
                    .patch, "/records/\(record)", token: staff, json: #"{"values": {"name": null}}"#,
                    purpose: "booking_admin", expect: .unprocessableContent)
                #expect(cleared[path: "error", "code"] as? String == "invalid_record")
                #expect((cleared[path: "error", "problems"] as? [[String: Any]])?.first?["field"] as? String == "name")
            }
            let actions = try await AuditLog(store: fixture.store).entries(limit: 1000)
                .filter { $0.event.actor == "token:CRM sync" }.map(\.event.action)
            #expect(
                actions == [
                    "record.create", "record.create", "subject.search", "subject.read", "record.update",
                    "record.update", "record.read", "record.read",
                ])
        }
    }

    @Test("bad records are refused naming each field, never echoing a value, and change nothing")
    func refusals() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let dpo = try await fixture.token("ashe", role: .dpo)
            try await fixture.app.test(.router) { client in
                let card = """
                    {"type": "member_contact", "values": {"name": "Ann", "school_address": "4111 1111 1111 1111",
                     "head_email": "not-an-email", "shoe_size": "9"}}
                    """
                let refused = try await client.api(
                    .post, "/records", token: dpo, json: card, purpose: "booking_admin", expect: .unprocessableContent)
                let problems = try #require(refused[path: "error", "problems"] as? [[String: Any]])
                #expect(
                    Set(problems.compactMap { $0["field"] as? String }) == [
                        "school_address", "head_email", "shoe_size",
                    ])
                let text = String(describing: refused)
                #expect(!text.contains("4111"))
                #expect(!text.contains("not-an-email"))
                let unknownType = try await client.api(
                    .post, "/records", token: dpo, json: #"{"type": "nope", "values": {}}"#,
                    expect: .unprocessableContent)
                #expect((unknownType[path: "error", "message"] as? String)?.hasPrefix("type:") == true)
                try await client.api(.get, "/subjects/not-a-uuid", token: dpo, expect: .notFound)
                try await client.api(.get, "/records/\(UUID())", token: dpo, expect: .notFound)
                let badSearch = try await client.api(
                    .post, "/subjects/search", token: dpo, json: #"{"kind": "email", "value": "nope"}"#,
                    expect: .unprocessableContent)
                #expect(badSearch[path: "error", "code"] as? String == "invalid")
                let unknownKind = try await client.api(
                    .post, "/subjects/search", token: dpo, json: #"{"kind": "emial", "value": "a@b.example"}"#,
                    expect: .unprocessableContent)
                #expect(
                    (unknownKind[path: "error", "message"] as? String)?.hasPrefix(
                        "kind: the policy holds no identifier 'emial'") == true)
                let longReason = try await client.api(
                    .post, "/subjects/search", token: dpo, json: #"{"kind": "email", "value": "a@b.example"}"#,
                    headers: ["Custos-Reason": String(repeating: "r", count: 501)], expect: .badRequest)
                #expect(
                    (longReason[path: "error", "message"] as? String)?.hasPrefix("Custos-Reason: at most 500") == true)
            }
            let ashe = try await fixture.workspace("ashe")
            // No person was made: every subject has a data key, and none is listed.
            #expect(try await fixture.store.subjectKeys(notWrappedBy: "", in: ashe.id, limit: 10).isEmpty)
            let created = try await AuditLog(store: fixture.store).entries(limit: 1000)
                .filter { $0.event.action == "record.create" }
            #expect(created.isEmpty)
        }
    }

    @Test("a token of workspace A reads nothing of workspace B")
    func workspaceIsolation() async throws {
        try await ApiFixture.with(["ashe", "bep"]) { fixture in
            let asheDPO = try await fixture.token("ashe", role: .dpo)
            let bepDPO = try await fixture.token("bep", role: .dpo)
            try await fixture.app.test(.router) { client in
                let school = try await client.api(
                    .post, "/schools", token: bepDPO, json: #"{"name": "Basildon Academy", "urn": "100001"}"#,
                    expect: .created)
                let schoolID = try #require(school["id"] as? String)
                let written = try await client.api(
                    .post, "/records", token: bepDPO,
                    json: """
                        {"type": "registered_user", "values": {"first_name": "Cara", "surname": "Lee", "role": "Teacher",
                         "email": "cara@basildon.sch.uk", "school_urn": "100001"}}
                        """, purpose: "service_delivery", expect: .created)
                let record = try #require(written["record"] as? String)
                let user = try #require(written[path: "subjects", "user"] as? String)

                try await client.api(.get, "/subjects/\(user)", token: asheDPO, expect: .notFound)
                try await client.api(.get, "/records/\(record)", token: asheDPO, expect: .notFound)
                try await client.api(
                    .patch, "/records/\(record)", token: asheDPO, json: #"{"values": {"surname": "X"}}"#,
                    expect: .notFound)
                try await client.api(.get, "/schools/\(schoolID)/subjects", token: asheDPO, expect: .notFound)
                let search = try await client.api(
                    .post, "/subjects/search", token: asheDPO,
                    json: #"{"kind": "email", "value": "cara@basildon.sch.uk"}"#,
                    expect: .ok)
                #expect((search["subjects"] as? [Any])?.isEmpty == true)
                let schools = try await client.api(.get, "/schools", token: asheDPO, expect: .ok)
                #expect((schools["schools"] as? [Any])?.isEmpty == true)
                // The same person written to ASHE is another subject, under another key.
                let own = try await client.api(
                    .post, "/records", token: asheDPO,
                    json:
                        #"{"type": "finance_contact", "values": {"name": "Cara Lee", "email": "cara@basildon.sch.uk"}}"#,
                    purpose: "booking_admin", expect: .created)
                #expect(own[path: "subjects", "finance"] as? String != user)
            }
        }
    }

    @Test(
        "roles: an auditor reads but never writes; a school leader sees their own school's people, and only the fields BEP allows"
    )
    func roles() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            let dpo = try await fixture.token("bep", role: .dpo)
            let (schools, users) = try await fixture.app.test(.router) { client in
                var schools: [String: String] = [:]
                var users: [String: String] = [:]
                for (urn, name) in [("100001", "Basildon Academy"), ("100002", "Laindon Primary")] {
                    let school = try await client.api(
                        .post, "/schools", token: dpo, json: #"{"name": "\#(name)", "urn": "\#(urn)"}"#,
                        expect: .created)
                    schools[urn] = school["id"] as? String
                    let user = try await client.api(
                        .post, "/records", token: dpo,
                        json: """
                            {"type": "registered_user", "values": {"first_name": "A", "surname": "B", "role": "Teacher",
                             "email": "user\(urn)@example.sch.uk", "phone": "01268 000000", "school_urn": "\(urn)"}}
                            """, purpose: "service_delivery", expect: .created)
                    users[urn] = user[path: "subjects", "user"] as? String
                }
                return (schools, users)
            }
            let auditor = try await fixture.token("bep", role: .auditor)
            let leader = try await fixture.token(
                "bep", role: .schoolLeader, school: UUID(uuidString: try #require(schools["100001"])))
            try await fixture.app.test(.router) { client in
                let own = try #require(users["100001"])
                let other = try #require(users["100002"])
                let read = try await client.api(
                    .get, "/subjects/\(own)", token: auditor, purpose: "service_delivery", expect: .ok)
                #expect(
                    (read["records"] as? [[String: Any]])?.first?[path: "values", "phone"] as? String == "+441268000000"
                )
                try await client.api(
                    .post, "/records", token: auditor,
                    json: #"{"type": "registered_user", "values": {}}"#, expect: .forbidden)
                try await client.api(
                    .post, "/schools", token: auditor, json: #"{"name": "X"}"#, expect: .forbidden)

                let seen = try await client.api(
                    .get, "/subjects/\(own)", token: leader, purpose: "colleague_visibility", expect: .ok)
                let values = (seen["records"] as? [[String: Any]])?.first?["values"] as? [String: String]
                #expect(values == ["first_name": "A", "surname": "B", "role": "Teacher"])
                try await client.api(.get, "/subjects/\(other)", token: leader, expect: .notFound)
                try await client.api(
                    .get, "/schools/\(try #require(schools["100002"]))/subjects", token: leader, expect: .notFound)
                let list = try await client.api(
                    .get, "/schools/\(try #require(schools["100001"]))/subjects", token: leader, expect: .ok)
                #expect((list["subjects"] as? [[String: Any]])?.map { $0["id"] as? String } == [own])
                try await client.api(
                    .patch, "/records/\(UUID())", token: leader, json: #"{"values": {"surname": "C"}}"#,
                    expect: .notFound)
            }
        }
    }

    @Test(
        "the OpenAPI document, its resource file, validates with openapi-spec-validator, and is what is served",
        .enabled(if: ExternalTools.pythonTestsEnabled))
    func openAPIValidates() throws {
        let python = try #require(ExternalTools.python, "CUSTOS_PYTHON is not set: run the tests with scripts/test.sh")
        let file = Repository.root.appendingPathComponent("Sources/CustosServer/Resources/openapi.json")
        let result = try ExternalTools.run(python, [Repository.script("validate-openapi.py").path, file.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(try String(contentsOf: file, encoding: .utf8) == OpenAPIDocument.json)
    }

    @Test("the OpenAPI document names exactly the routes the router has, with their methods")
    func openAPIMatchesRoutes() async throws {
        try await ApiFixture.with([]) { fixture in
            let router = buildRouter(installation: Installation(store: fixture.store, keys: fixture.keys))
            let served = Set(
                router.routes.map { "\($0.method.rawValue) \($0.path)" }
                    .filter { $0.contains(" /api/v1/") && !$0.hasSuffix("/**") })
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var documented: Set<String> = []
            for (path, operations) in paths {
                for method in operations.keys { documented.insert("\(method.uppercased()) /api/v1\(path)") }
            }
            #expect(served == documented)
            #expect(served.count == 39)
        }
    }

    @Test("the OpenAPI document lists every error code the API gives, and no other")
    func openAPIListsEveryErrorCode() throws {
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        let code = try #require(
            document[path: "components", "schemas", "Error", "properties", "error", "properties", "code"]
                as? [String: Any])
        let listed = try #require(code["enum"] as? [String])
        #expect(Set(listed) == Set(ErrorCode.all.map(\.rawValue) + ApiError.ownCodes))
        #expect(listed.count == Set(listed).count, "each code once")
    }
}
