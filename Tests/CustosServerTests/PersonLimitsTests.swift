import CustosCore
import CustosServices
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Staff see what limits the use of a person's data, and the person's side of a record, wherever
/// they open the person: a restriction, an objection and a refused correction's statement, on the
/// console's page and in the API (and `subject show`, in the command-line tests).
@Suite("A person's limits, shown to staff")
struct PersonLimitsTests {
    @Test("a restriction, an objection and a refused correction's statement show on the console and in the API")
    func limitsShown() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let vault = try await fixture.vault("ashe")
            let head = try await fixture.asheHead()
            let record = try #require(try await vault.read(subject: head, actor: "test").records.first?.recordID)
            let today = CalendarDay.today
            func open(_ kind: RequestKind) async throws -> UUID {
                try await Requests(vault: vault).open(
                    RequestIntake(kind: kind, subjectID: head, channel: .email, receivedOn: today, identityShown: true),
                    actor: "office"
                ).id
            }
            try await Restrictions(vault: vault).carryOut(
                request: try await open(.restriction), ground: .accuracyContested, purposes: ["marketing"], on: today,
                actor: "dpo")
            try await Objections(vault: vault).carryOut(
                request: try await open(.objection), purposes: ["customer_research"], on: today, actor: "dpo")
            try await Rectifications(vault: vault).refuse(
                request: try await open(.rectification), record: record, reasons: "Our booking shows the course taken",
                statement: "I did not attend the March course.", on: today, actor: "dpo")

            try await fixture.user("dpo@ashe.example", role: .dpo, in: "ashe")
            let token = try await fixture.token("ashe", role: .dpo, name: "dpo")
            try await fixture.consoleApp.test(.router) { client in
                let shown = try await client.api(
                    .get, "/subjects/\(head.uuidString)", token: token, purpose: "booking_admin", expect: .ok)
                let limits = try #require(shown["limits"] as? [[String: Any]])
                #expect(
                    Set(limits.compactMap { "\($0["purpose"] ?? "") \($0["state"] ?? "")" })
                        == ["marketing restricted", "customer_research objected"])
                let statements = try #require(shown["statements"] as? [[String: Any]])
                #expect(statements.first?["text"] as? String == "I did not attend the March course.")
                #expect(statements.first?["record"] as? String == record.uuidString)

                let browser = try await ConsoleBrowser.signIn(client, "dpo@ashe.example")
                let (status, page) = try await browser.get(
                    client, "/console/people/\(head.uuidString.lowercased())?purpose=booking_admin")
                #expect(status == .ok)
                #expect(page.contains("Limits on using their data"))
                #expect(page.contains("Restricted (UK GDPR Art 18): stored only, not used"))
                #expect(page.contains("Objected to (UK GDPR Art 21): not used"))
                #expect(page.contains("I did not attend the March course."))
            }
            let audit = try await fixture.store.auditEntries(after: 0, limit: 1000).map(\.event)
            #expect(
                audit.contains {
                    $0.action == "subject.read" && $0.detail?.contains("with the person's statement on 1") == true
                }, "opening the statement is part of the audited read")
            #expect(!audit.contains { $0.detail?.contains("March course") == true }, "never the words")
        }
    }
}
