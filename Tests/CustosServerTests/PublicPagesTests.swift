import CustosCore
import CustosServices
import CustosTestSupport
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

    /// A 4 × 2 PNG, as a policy gives a logo.
    static let logo =
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAADwyuo0AAAAEElEQVR4nGOQ9Z8IRwzIHABjQgfpIjOQrAAAAABJRU5ErkJggg=="

    @Test(
        "the organisation's name, colour and logo from the policy are on its public pages, served from its own address")
    func branding() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            let workspace = try await fixture.workspace("bep")
            let text = try String(contentsOf: Repository.example("bep"), encoding: .utf8)
                .replacingOccurrences(
                    of: "notice:\n  title: Privacy policy\n",
                    with:
                        "notice:\n  title: Privacy policy\n  branding:\n    colour: \"#7a1f3d\"\n    logo: \(Self.logo)\n"
                )
            let branded = try PolicyLoader.load(yaml: text, fileName: "bep.yaml")
            _ = try await Installation(store: fixture.store, keys: fixture.keys).recordPolicyVersion(
                branded, in: workspace, by: "test")
            try await fixture.consoleApp.test(.router) { client in
                let (_, type, css) = try await Self.get(client, "/privacy/bep/brand.css")
                #expect(type == "text/css; charset=utf-8")
                #expect(css.contains(".brand{border-top-color:#7a1f3d}"))
                #expect(css.contains("width:5.00rem;height:2.5rem"), "the logo keeps its shape: 4 by 2")
                #expect(css.contains(#"url("/privacy/bep/logo.png?v=2")"#))
                let png = try await client.execute(uri: "/privacy/bep/logo.png", method: .get) { response in
                    #expect(response.headers[.contentType] == "image/png")
                    return Data(buffer: response.body)
                }
                #expect(png == branded.policy.notice.branding?.logoPNG)
                let (_, _, notice) = try await Self.get(client, "/privacy/bep")
                #expect(notice.contains(#"<link rel="stylesheet" href="/privacy/bep/brand.css">"#))
                #expect(
                    notice.contains(
                        #"<header class="brand"><p class="brand-name">Basildon Education Partnership</p></header>"#))
                let (_, _, form) = try await Self.get(client, "/privacy/bep/register")
                #expect(
                    form.contains(#"<header class="brand"><a class="brand-name" href="/privacy/bep">BEP</a></header>"#))
                #expect(
                    !form.contains("Custos") && !notice.contains("Custos"),
                    "the organisation's pages, not the software's")
            }
            // Without branding: the shared look, and no logo.
            try await ApiFixture.with(["ashe"]) { plain in
                try await plain.consoleApp.test(.router) { client in
                    let (_, _, css) = try await Self.get(client, "/privacy/ashe/brand.css")
                    #expect(!css.contains("url("))
                    let (status, _, _) = try await Self.get(client, "/privacy/ashe/logo.png")
                    #expect(status == .notFound)
                }
            }
        }
    }
}
