import CustosCore
import CustosStore
import CustosTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

@Suite("Console policy page")
struct ConsolePolicyTests {
    @Test("the policy page shows the linter's findings and the versions; the ROPA and fideslang download")
    func policyPage() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            try await fixture.user("auditor@bep.example", role: .auditor)
            let findings = PolicyLinter().findings(for: try PolicyLoader.load(contentsOf: Repository.example("bep")))
            try await fixture.consoleApp.test(.router) { client in
                let auditor = try await ConsoleBrowser.signIn(client, "auditor@bep.example")
                let (status, page) = try await auditor.get(client, "/console/policy")
                #expect(status == .ok)
                #expect(page.contains("Version v1 (sha256:"))
                let errors = findings.filter { $0.severity == .error }.count
                #expect(page.contains("\(errors) errors and \(findings.count - errors) warnings."))
                let first = try #require(findings.first { $0.severity == .error })
                #expect(page.contains(first.reference))
                #expect(page.contains(#"<a href="/privacy/bep">"#))

                try await client.execute(
                    uri: "/console/policy/ropa.csv", method: .get, headers: [.cookie: try #require(auditor.cookie)]
                ) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                    #expect(response.headers[.contentDisposition]?.contains("record-of-processing-bep.csv") == true)
                    #expect(String(buffer: response.body).contains("Purpose of processing"))
                }
                try await client.execute(
                    uri: "/console/policy/fideslang.yaml", method: .get,
                    headers: [.cookie: try #require(auditor.cookie)]
                ) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains("organization:"))
                }
            }
        }
    }
}
