import CustosCore
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

/// The audit log page: filtered by person, actor, action and dates in the database, a page at a
/// time, downloadable as CSV, each view and download audited.
@Suite("Console audit log: filters, pages and CSV")
struct ConsoleAuditTests {
    @Test("filtered by person and action, paged, and downloaded as CSV; a bad filter is named and shows nothing")
    func filteredPagedDownloaded() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let head = try await fixture.asheHead()
            let other = try await fixture.asheHead(email: "bo.jones@example.sch.uk")
            try await fixture.user("dpo@ashe.example", role: .dpo, in: "ashe")
            let vault = try await fixture.vault("ashe")
            for _ in 0..<(AuditController.pageSize + 5) {
                _ = try await vault.read(subject: head, actor: "office")
            }
            _ = try await vault.read(subject: other, actor: "office")
            try await fixture.consoleApp.test(.router) { client in
                let dpo = try await ConsoleBrowser.signIn(client, "dpo@ashe.example")
                let person = head.uuidString.lowercased()
                let (status, page) = try await dpo.get(client, "/console/audit?person=\(person)&action=subject.")
                #expect(status == .ok)
                #expect(page.contains("The log is intact."))
                #expect(page.contains("\(AuditController.pageSize + 5) entries match."))
                #expect(page.contains(#"<option value="subject." selected>"#))
                #expect(!page.contains(PeopleController.shortID(other)), "another person's entries are not shown")
                let older = try #require(page.range(of: #"<a href=""#, options: .backwards)).upperBound
                let link = String(page[older...].prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
                #expect(link.contains("before=") && link.contains("person=\(person)"))
                let (_, second) = try await dpo.get(client, link)
                #expect(second.contains("Newest entries"))
                #expect(!second.contains("Older entries"), "five more entries fit on the second page")

                let (bad, refusal) = try await dpo.get(client, "/console/audit?person=nobody&from=2026-13-45")
                #expect(bad == .badRequest)
                #expect(
                    refusal.contains(
                        ##"<a href="#person">Enter a person&#39;s full id, as the link from their page gives it</a>"##))
                #expect(refusal.contains(##"<a href="#from">"##))
                #expect(!refusal.contains("<tbody>"), "nothing is listed for filters that cannot be used")

                let csv = try await client.execute(
                    uri: "/console/audit.csv?person=\(person)", method: .get,
                    headers: [.cookie: try #require(dpo.cookie)]
                ) { ($0.status, $0.headers[.contentType], String(buffer: $0.body)) }
                #expect(csv.0 == .ok && csv.1 == "text/csv; charset=utf-8")
                let lines = csv.2.split(separator: "\r\n")
                #expect(lines.first == "sequence,time,actor,action,purpose,subject,record,reason,detail,shown")
                #expect(lines.dropFirst().allSatisfy { $0.contains(person) })
                #expect(lines.count > AuditController.pageSize + 5, "every entry about the person, not one page")
            }
            let actions = try await AuditLog(store: fixture.store).entries(limit: 10_000).map(\.event.action)
            #expect(actions.contains("audit.view") && actions.contains("audit.export"))
        }
    }
}
