import CustosCore
import CustosMail
import CustosServices
import Foundation
import Testing

/// Reminders to the DPO about requests coming due, on each backend, written to a folder of
/// `.eml` files as the outbox would hand them to a mail server.
@Suite("Request reminders")
struct RequestReminderTests {
    func day(_ text: String) throws -> CalendarDay { try #require(CalendarDay(iso: text)) }

    @Test(
        "the DPO is reminded 7 days and 1 day before a request is due, once each, without the person's name",
        arguments: TestBackend.available)
    func reminders(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "asset")
            let contact = try await SeedPeople.assetContact(vault, email: "bursar@hill.example", name: "Sam Bursar")
            let request = try await Requests(vault: vault).open(
                RequestIntake(
                    kind: .access, subjectID: contact, channel: .email, receivedOn: try day("2026-09-01"),
                    identityShown: true), actor: "office")
            #expect(request.dueOn?.iso == "2026-10-01")
            let reminders = RequestReminders(vault: vault)
            #expect(reminders.recipient?.address == "dpo@assetforschools.co.uk")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "custos-eml-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let transport = try MailTransports.transport(for: folder.path)
            let sender = try #require(reminders.defaultSender)
            func sent(asOf text: String) async throws -> Int {
                try await reminders.send(
                    using: transport, from: sender, asOf: try day(text), publicURL: "https://custos.asset.example/")
            }

            #expect(try await sent(asOf: "2026-09-23") == 0, "8 days left: nothing yet")
            #expect(try await sent(asOf: "2026-09-24") == 1, "7 days left")
            #expect(try await sent(asOf: "2026-09-25") == 0, "sent once")
            #expect(try await sent(asOf: "2026-09-30") == 1, "1 day left")
            #expect(try await sent(asOf: "2026-10-02") == 0)

            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }
            #expect(files.count == 2)
            for file in files {
                let raw = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                // Bodies are base64: read them as the DPO's mail program would.
                let bodies = raw.split(whereSeparator: \.isNewline).compactMap { line in
                    Data(base64Encoded: String(line)).map { String(decoding: $0, as: UTF8.self) }
                }.joined()
                let text = raw + bodies
                #expect(text.contains("dpo@assetforschools.co.uk"))
                #expect(text.contains("Request: \(request.reference)"))
                #expect(request.reference.hasPrefix("R-2026-"))
                #expect(
                    text.contains(
                        "Open it in the console: https://custos.asset.example/console/requests/\(request.id.uuidString.lowercased())"
                    ),
                    "the page, not a command")
                #expect(!text.contains("custos request show"))
                #expect(!text.contains("Sam Bursar"))
                #expect(!text.contains("bursar@hill.example"))
            }
            let actions = try await AuditLog(store: fixture.store).entries(limit: 100).map(\.event.action)
            #expect(actions.filter { $0 == "request.reminder" }.count == 2)
        }
    }
}
