import CustosCore
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

@Suite("The API: consent, contact decisions, suppression, audiences")
struct ApiContactTests {
    /// Writes an ASHE head through the vault; returns the head's subject id.
    func head(_ fixture: ApiFixture, email: String = "ann.smith@example.sch.uk") async throws -> String {
        try await fixture.asheHead(email: email).uuidString
    }

    @Test("consent recorded, read back, decided on; an opt-out stops marketing but not the booking email")
    func consentRoundTrip() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let staff = try await fixture.token("ashe", role: .staff, name: "CRM")
            let id = try await head(fixture)
            try await fixture.app.test(.router) { client in
                let lens = #"{"subject": "\#(id)", "purpose": "marketing", "channel": "email", "list": "lens"}"#
                let booking = #"{"subject": "\#(id)", "purpose": "booking_admin", "channel": "email"}"#
                var decision = try await client.api(.post, "/contact-decisions", token: staff, json: lens, expect: .ok)
                #expect(decision["allowed"] as? Bool == false)
                #expect(decision["reason"] as? String == "no_consent")

                let entry = try await client.api(
                    .post, "/subjects/\(id)/consents", token: staff,
                    json:
                        #"{"action": "given", "purpose": "marketing", "channel": "email", "list": "lens", "source": "web_form", "wording": "Send me LENS"}"#,
                    expect: .created)
                #expect(entry["action"] as? String == "given")
                #expect(entry["policyVersion"] as? Int == 1)
                #expect(entry["recordedBy"] as? String == "token:CRM")
                decision = try await client.api(.post, "/contact-decisions", token: staff, json: lens, expect: .ok)
                #expect(decision["allowed"] as? Bool == true)
                #expect(decision["reason"] as? String == "consent_given")
                #expect(decision["consentEntry"] as? String == entry["id"] as? String)

                let withdrawn = try await client.api(
                    .post, "/subjects/\(id)/opt-out", token: staff, json: #"{"source": "unsubscribe_link"}"#,
                    expect: .ok)
                #expect((withdrawn["entries"] as? [[String: Any]])?.count == 1)
                decision = try await client.api(.post, "/contact-decisions", token: staff, json: lens, expect: .ok)
                #expect(decision["reason"] as? String == "suppressed")
                decision = try await client.api(.post, "/contact-decisions", token: staff, json: booking, expect: .ok)
                #expect(decision["allowed"] as? Bool == true)
                #expect(decision["reason"] as? String == "administrative")
                // The same questions asked with a GET.
                decision = try await client.api(
                    .get, "/contact-decisions?subject=\(id)&purpose=marketing&channel=email&list=lens", token: staff,
                    expect: .ok)
                #expect(decision["reason"] as? String == "suppressed")
                decision = try await client.api(
                    .get, "/contact-decisions?subject=\(id)&purpose=booking_admin&channel=email", token: staff,
                    expect: .ok)
                #expect(decision["reason"] as? String == "administrative")

                let ledger = try await client.api(.get, "/subjects/\(id)/consents", token: staff, expect: .ok)
                #expect(
                    (ledger["entries"] as? [[String: Any]])?.map { $0["action"] as? String } == ["given", "withdrawn"])
                let check = try await client.api(
                    .post, "/suppressions/check", token: staff,
                    json: #"{"kind": "email", "value": "ANN.SMITH@example.sch.uk"}"#, expect: .ok)
                #expect(check["suppressed"] as? Bool == true)
                #expect(check["scope"] as? String == "marketing")
            }
            let actions = try await AuditLog(store: fixture.store).entries(limit: 100).map(\.event.action)
            #expect(actions.contains("consent.given"))
            #expect(actions.contains("consent.opt-out"))
            #expect(actions.contains("consent.read"))
        }
    }

    @Test("bad input gets a clear 4xx naming the field, and changes nothing")
    func badInput() async throws {
        try await ApiFixture.with(["ashe", "bep"]) { fixture in
            let staff = try await fixture.token("ashe", role: .staff)
            let auditor = try await fixture.token("ashe", role: .auditor)
            let other = try await fixture.token("bep", role: .dpo)
            let id = try await head(fixture)
            try await fixture.app.test(.router) { client in
                let cases: [(String, String, HTTPResponse.Status, String?)] = [
                    (
                        "/subjects/\(id)/consents", #"{"action": 5, "purpose": "marketing", "source": "web_form"}"#,
                        .badRequest, nil
                    ),
                    (
                        "/subjects/\(id)/consents",
                        #"{"action": "maybe", "purpose": "marketing", "source": "web_form"}"#, .badRequest, "action"
                    ),
                    (
                        "/subjects/\(id)/consents",
                        #"{"action": "given", "purpose": "marketing", "channel": "pigeon", "source": "web_form"}"#,
                        .badRequest, "channel"
                    ),
                    (
                        "/subjects/\(id)/consents",
                        #"{"action": "given", "purpose": "marketing", "list": "gossip", "source": "web_form"}"#,
                        .unprocessableContent, "list"
                    ),
                    (
                        "/subjects/\(id)/consents",
                        #"{"action": "given", "purpose": "world_domination", "source": "web_form"}"#,
                        .unprocessableContent,
                        "purpose"
                    ),
                    (
                        "/subjects/\(id)/consents",
                        #"{"action": "given", "purpose": "booking_admin", "source": "web_form"}"#,
                        .unprocessableContent,
                        "purpose"
                    ),
                    (
                        "/subjects/\(id)/consents",
                        #"{"action": "given", "purpose": "marketing", "source": "carrier_pigeon"}"#, .badRequest,
                        "source"
                    ),
                    ("/subjects/\(id)/consents", #"{"purpose": "marketing"}"#, .badRequest, nil),
                    (
                        "/subjects/not-a-uuid/consents",
                        #"{"action": "given", "purpose": "marketing", "source": "web_form"}"#, .notFound, nil
                    ),
                    (
                        "/subjects/\(UUID())/consents",
                        #"{"action": "given", "purpose": "marketing", "source": "web_form"}"#, .notFound, nil
                    ),
                    ("/subjects/\(id)/opt-out", #"{"source": "telepathy"}"#, .badRequest, "source"),
                    (
                        "/contact-decisions", #"{"subject": "\#(id)", "purpose": "marketing", "channel": "email"}"#,
                        .unprocessableContent, "list"
                    ),
                    (
                        "/contact-decisions",
                        #"{"subject": "\#(id)", "purpose": "marketing", "channel": "sms", "list": "lens"}"#,
                        .unprocessableContent, "channel"
                    ),
                    (
                        "/contact-decisions", #"{"subject": "nope", "purpose": "marketing", "channel": "email"}"#,
                        .badRequest, nil
                    ),
                    (
                        "/contact-decisions",
                        #"{"subject": "\#(UUID())", "purpose": "booking_admin", "channel": "email"}"#, .notFound, nil
                    ),
                    (
                        "/suppressions", #"{"kind": "email", "value": "secret-person-at-nowhere"}"#,
                        .unprocessableContent, "email"
                    ),
                    ("/suppressions", #"{"kind": "upn", "value": "A12345678901B"}"#, .badRequest, "kind"),
                    (
                        "/suppressions", #"{"kind": "email", "value": "a@b.example", "scope": "galaxy"}"#, .badRequest,
                        "scope"
                    ),
                ]
                let questions: [(String, HTTPResponse.Status, String?)] = [
                    ("/contact-decisions?purpose=booking_admin&channel=email", .badRequest, "subject"),
                    ("/contact-decisions?subject=\(id)&channel=email", .badRequest, "purpose"),
                    ("/contact-decisions?subject=\(id)&purpose=marketing&list=lens", .badRequest, "channel"),
                    (
                        "/contact-decisions?subject=\(id)&purpose=marketing&channel=pigeon&list=lens", .badRequest,
                        "channel"
                    ),
                    ("/contact-decisions?subject=\(id)&purpose=marketing&channel=email", .unprocessableContent, "list"),
                    (
                        "/contact-decisions?subject=\(id)&purpose=marketing&channel=email&list=gossip",
                        .unprocessableContent,
                        "list"
                    ),
                    (
                        "/contact-decisions?subject=\(id)&purpose=espionage&channel=email", .unprocessableContent,
                        "purpose"
                    ),
                    ("/contact-decisions?subject=nope&purpose=booking_admin&channel=email", .badRequest, "subject"),
                    ("/contact-decisions?subject=\(UUID())&purpose=booking_admin&channel=email", .notFound, nil),
                ]
                for (path, status, field) in questions {
                    let answer = try await client.api(.get, path, token: staff, expect: status)
                    let message = answer[path: "error", "message"] as? String ?? ""
                    if let field { #expect(message.hasPrefix(field), "\(path): \(message)") }
                }
                for (path, body, status, field) in cases {
                    let answer = try await client.api(.post, path, token: staff, json: body, expect: status)
                    let message = answer[path: "error", "message"] as? String ?? ""
                    if let field { #expect(message.hasPrefix(field), "\(path) \(body): \(message)") }
                    #expect(!message.contains("secret-person"), "error messages never echo personal data")
                }
                // Forged, other workspace's and read-only tokens.
                let consent = #"{"action": "given", "purpose": "marketing", "source": "web_form"}"#
                try await client.api(
                    .post, "/subjects/\(id)/consents", token: "custos_\(UUID().uuidString)_forged", json: consent,
                    expect: .unauthorized)
                try await client.api(.post, "/subjects/\(id)/consents", token: other, json: consent, expect: .notFound)
                try await client.api(.get, "/subjects/\(id)/consents", token: other, expect: .notFound)
                try await client.api(
                    .get, "/contact-decisions?subject=\(id)&purpose=service_delivery&channel=email", token: other,
                    expect: .notFound)
                try await client.api(
                    .post, "/subjects/\(id)/consents", token: auditor, json: consent, expect: .forbidden)
                try await client.api(
                    .post, "/suppressions", token: auditor, json: #"{"kind": "email", "value": "a@b.example"}"#,
                    expect: .forbidden)

                let ledger = try await client.api(.get, "/subjects/\(id)/consents", token: staff, expect: .ok)
                #expect((ledger["entries"] as? [Any])?.isEmpty == true, "nothing was recorded")
            }
            #expect(try await fixture.store.suppressionCounts(in: fixture.workspace("ashe").id).isEmpty)
        }
    }

    @Test("audiences: DPO and admin only, JSON or CSV, bad questions refused, each export audited")
    func audiences() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let dpo = try await fixture.token("ashe", role: .dpo)
            let staff = try await fixture.token("ashe", role: .staff)
            let ann = try await head(fixture)
            _ = try await head(fixture, email: "bob@example.sch.uk")
            let vault = try await fixture.vault("ashe")
            try await Contacts(vault: vault).record(
                .given, subject: try #require(UUID(uuidString: ann)), purpose: "marketing", source: .paperForm,
                actor: "test")
            try await fixture.app.test(.router) { client in
                try await client.api(.get, "/audiences?purpose=marketing&list=lens", token: staff, expect: .forbidden)
                let audience = try await client.api(
                    .get, "/audiences?purpose=marketing&list=lens&channel=email", token: dpo, expect: .ok)
                #expect(audience["count"] as? Int == 1)
                #expect(
                    (audience["members"] as? [[String: Any]])?.map { $0["address"] as? String } == [
                        "ann.smith@example.sch.uk"
                    ])
                #expect(audience[path: "leftOut", "no_consent"] as? Int == 1)
                // Malformed questions are 400s; a list the purpose lacks, or none where it has lists, a 422.
                for (query, status, code) in [
                    ("list=lens", HTTPResponse.Status.badRequest, "bad_request"),
                    ("purpose=marketing&list=lens&channel=pigeon", .badRequest, "bad_request"),
                    ("purpose=marketing&list=lens&format=xls", .badRequest, "bad_request"),
                    ("purpose=marketing", .unprocessableContent, "invalid"),
                    ("purpose=marketing&list=gossip", .unprocessableContent, "invalid"),
                ] {
                    let answer = try await client.api(.get, "/audiences?\(query)", token: dpo, expect: status)
                    #expect(answer[path: "error", "code"] as? String == code, "\(query)")
                }
                try await client.execute(
                    uri: "/api/v1/audiences?purpose=booking_admin&format=csv", method: .get,
                    headers: [.authorization: "Bearer \(dpo)"]
                ) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                    let lines = String(buffer: response.body).split(separator: "\r\n").map(String.init)
                    #expect(lines.first == "email,name,subject_id,basis")
                    #expect(lines.count == 3)
                    #expect(lines.dropFirst().allSatisfy { $0.hasSuffix(",administrative") })
                }
            }
            let exports = try await AuditLog(store: fixture.store).entries(limit: 100).filter {
                $0.event.action == "audience.export"
            }
            #expect(exports.count == 2)
            #expect(exports.first?.event.detail?.contains("1 people") == true)
        }
    }
}
