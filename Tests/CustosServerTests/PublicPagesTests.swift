import CustosCore
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

/// Every public address answers people with a page: an unknown address, a privacy centre that is
/// not there, and where requests are not taken online, how to make one instead. The API keeps
/// answering programs in JSON.
@Suite("Public pages: HTML for people at every address")
struct PublicPagesTests {
    static func get(
        _ client: some TestClientProtocol, _ path: String
    ) async throws -> (HTTPResponse.Status, String?, String) {
        try await client.execute(uri: path, method: .get) {
            ($0.status, $0.headers[.contentType], String(buffer: $0.body))
        }
    }

    @Test("an unknown address and an unknown privacy centre are HTML pages saying so; the API's 404 stays JSON")
    func notFound() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            try await fixture.consoleApp.test(.router) { client in
                let (status, type, page) = try await Self.get(client, "/no/such/page")
                #expect(status == .notFound && type == "text/html; charset=utf-8")
                #expect(page.contains("<h1>Page not found</h1>") && page.contains(#"<html lang="en-GB">"#))
                let (unknown, _, centre) = try await Self.get(client, "/privacy/nobody")
                #expect(unknown == .notFound)
                #expect(centre.contains("There is no privacy notice here."))
                #expect(!centre.contains("{"), "no JSON for people")
                let (api, apiType, _) = try await Self.get(client, "/api/v1/no-such-thing")
                #expect(api == .notFound || api == .unauthorized)
                #expect(apiType?.hasPrefix("application/json") == true)
            }
        }
    }

    @Test("where the policy takes no requests online, the request address says how to make one, with the addresses")
    func offline() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            let policy = try await fixture.vault("bep").policy
            try await fixture.consoleApp.test(.router) { client in
                let (status, type, page) = try await Self.get(client, "/privacy/bep/request")
                #expect(status == .ok && type == "text/html; charset=utf-8")
                #expect(page.contains("How to make a request to"))
                #expect(page.contains("takes requests about your information by email, by letter or by phone"))
                let email = try #require(policy.rights.contact?.email ?? policy.dpo?.email ?? policy.controller.email)
                #expect(page.contains(#"<a href="mailto:\#(email)">"#))
                #expect(page.contains(RequestKind.access.plainEnglish))
                #expect(!page.contains("{\""), "no JSON for people")
            }
        }
    }
}
