import CustosCore
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

@Suite("Console API tokens")
struct ConsoleTokensTests {
    @Test("an admin makes a token, shown once, that works against the API until revoked")
    func makeUseRevoke() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            try await fixture.user("admin@bep.example", role: .admin)
            try await fixture.consoleApp.test(.router) { client in
                let admin = try await ConsoleBrowser.signIn(client, "admin@bep.example")
                let token = try await admin.formToken(client)
                let (unnamed, _) = try await admin.post(client, "/console/tokens", form: "role=staff", token: token)
                #expect(unnamed == .badRequest)

                let page = try await client.execute(
                    uri: "/console/tokens", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: try #require(admin.cookie)],
                    body: ByteBuffer(string: "csrf=\(token)&name=MIS+sync&role=staff")
                ) { String(buffer: $0.body) }
                let start = try #require(page.range(of: #"<code id="new-token">"#)).upperBound
                let bearer = String(page[start...].prefix { $0 != "<" })
                #expect(bearer.hasPrefix("custos_"))
                #expect(try await client.api(.get, "/schools", token: bearer, expect: .ok).isEmpty == false)

                let (_, listed) = try await admin.get(client, "/console/tokens")
                #expect(listed.contains("<td>MIS sync</td><td>staff</td>"))
                #expect(!listed.contains(bearer), "shown once")
                let stored = try #require(try await fixture.store.accessTokens(in: fixture.workspace("bep").id).first)
                let (revoked, _) = try await admin.post(
                    client, "/console/tokens/\(stored.id.uuidString.lowercased())/revoke", token: token)
                #expect(revoked == .seeOther)
                try await client.api(.get, "/schools", token: bearer, expect: .unauthorized)
                #expect(try await admin.get(client, "/console/tokens").1.contains("Revoked"))
            }
            let actions = try await fixture.store.auditEntries(after: 0, limit: 1000).map(\.event)
                .filter { $0.action.hasPrefix("token.") }.map(\.actor)
            #expect(actions == ["user:admin@bep.example", "user:admin@bep.example"])
        }
    }

    @Test("a school leader's token is made for one school, and reaches only that school's people")
    func schoolLeaderToken() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            let own = try await fixture.school("Basildon Academy", urn: "100001")
            _ = try await fixture.school("Laindon Primary", urn: "100002")
            let colleague = try await fixture.bepUser(urn: "100001")
            let stranger = try await fixture.bepUser(urn: "100002")
            try await fixture.user("dpo@bep.example", role: .dpo)
            try await fixture.consoleApp.test(.router) { client in
                let dpo = try await ConsoleBrowser.signIn(client, "dpo@bep.example")
                let token = try await dpo.formToken(client)
                let (_, form) = try await dpo.get(client, "/console/tokens")
                #expect(form.contains("<option value=\"\(own.uuidString.lowercased())\">Basildon Academy</option>"))
                let (noSchool, _) = try await dpo.post(
                    client, "/console/tokens", form: "name=Head&role=school_leader", token: token)
                #expect(noSchool == .badRequest)
                let (schoolForStaff, _) = try await dpo.post(
                    client, "/console/tokens", form: "name=Office&role=staff&school=\(own.uuidString)", token: token)
                #expect(schoolForStaff == .badRequest)

                let page = try await client.execute(
                    uri: "/console/tokens", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: try #require(dpo.cookie)],
                    body: ByteBuffer(string: "csrf=\(token)&name=Head&role=school_leader&school=\(own.uuidString)")
                ) { String(buffer: $0.body) }
                let start = try #require(page.range(of: #"<code id="new-token">"#)).upperBound
                let bearer = String(page[start...].prefix { $0 != "<" })
                #expect(page.contains("<td>Head</td><td>school leader (Basildon Academy)</td>"))
                try await client.api(
                    .get, "/subjects/\(colleague.uuidString)", token: bearer, purpose: "colleague_visibility",
                    expect: .ok)
                try await client.api(.get, "/subjects/\(stranger.uuidString)", token: bearer, expect: .notFound)
            }
        }
    }
}
