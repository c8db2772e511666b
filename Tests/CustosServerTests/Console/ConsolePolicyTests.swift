import CustosCore
import CustosServices
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

@Suite("Console registers page")
struct ConsoleRegistersTests {
    @Test("breaches with their ICO clock and complaints with their dates, without the sealed texts")
    func registers() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            let vault = try await fixture.vault("bep")
            try await Breaches(vault: vault).record(
                description: "A laptop with the CPD list was left on a train", discoveredAt: Date(),
                facts: BreachFacts(risk: .risk, approxSubjects: 40), actor: "test")
            try await Complaints(vault: vault).receive(
                summary: "My details were shared with the wrong school", channel: .email, on: .today, actor: "test")
            try await fixture.user("admin@bep.example", role: .admin)
            try await fixture.consoleApp.test(.router) { client in
                let admin = try await ConsoleBrowser.signIn(client, "admin@bep.example")
                let (status, page) = try await admin.get(client, "/console/registers")
                #expect(status == .ok)
                #expect(page.contains("Tell by "))
                #expect(page.contains("about 40"))
                #expect(page.contains("<td>open</td>"))
                #expect(!page.contains("laptop"), "the description stays sealed")
                #expect(!page.contains("wrong school"), "the complaint's summary stays sealed")
                #expect(page.contains("No disclosures logged."))
            }
        }
    }
}
