import CustosCore
import CustosMail
import CustosTestSupport
import Foundation
import Testing

@testable import CustosServices

/// Messages, the outbox and the communications log, on each backend, delivered to a real SMTP
/// server (aiosmtpd on 127.0.0.1) or to `.eml` files.
@Suite("Outbox", .enabled(if: ExternalTools.pythonTestsEnabled))
struct OutboxContractTests {
    static let settings = MessageSettings(
        from: MailAddress("office@ashe.example", name: "ASHE")!, publicURL: "https://privacy.example.org/")

    static let newsletter = """
        ---
        subject: LENS, this week
        purpose: marketing
        list: lens
        ---
        Dear {{name}},

        This week in LENS: the spring conference.
        """

    static let bookingChange = """
        ---
        subject: Your booking has changed
        purpose: booking_admin
        ---
        Dear {{name}},

        The conference has moved to the Guildhall.
        .A line that starts with a full stop.
        """

    static func template(_ text: String, _ name: String) throws -> MessageTemplate {
        try MessageTemplate(text: text, name: name)
    }

    /// Queues the booking-change message for one person.
    static func queueBooking(_ outbox: Outbox, for id: UUID, at time: Date = Date()) async throws -> QueueReport {
        try await outbox.queue(
            try template(bookingChange, "booking-change.txt"), to: [id], settings: settings, actor: "office", at: time)
    }

    @Test(
        "ASHE: a head opts out of marketing and still gets the booking-change email, over SMTP",
        arguments: TestBackend.available)
    func asheOptOutOverSMTP(_ backend: TestBackend) async throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        let transport = try SMTPTransport(SMTPConfiguration(url: smtp.url))
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let outbox = Outbox(vault: vault)
            let id = try await SeedPeople.head(vault, email: "head@school.example")
            try await outbox.contacts.record(
                .given, subject: id, purpose: "marketing", list: "lens", source: .webForm, actor: "subject")
            let lens = try Self.template(Self.newsletter, "lens.txt")
            let booking = try Self.template(Self.bookingChange, "booking-change.txt")

            let first = try await outbox.queue(lens, to: nil, settings: Self.settings, actor: "office")
            #expect(first.queued.count == 1)
            let sendingAt = Date().addingTimeInterval(60)
            #expect(try await outbox.deliver(using: transport, at: sendingAt).sent == 1)
            // The organisation's own email is not the person's activity: ASHE's "5 years after your
            // last transaction or communication with us" does not start again because ASHE wrote.
            let subject = try #require(try await fixture.store.subjects([id], in: vault.workspace.id).first)
            #expect(subject.lastActivityAt < sendingAt.addingTimeInterval(-30))
            let newsletter = try #require(try smtp.received().first)
            #expect(newsletter.rcptTos == ["head@school.example"])
            #expect(newsletter.mailFrom == "office@ashe.example")
            #expect(
                newsletter.data.contains(
                    "List-Unsubscribe: <https://privacy.example.org/privacy/ashe/unsubscribe?token="))
            #expect(newsletter.data.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))

            // Queued, then the head opts out before it goes: it is cancelled at send time.
            let second = try await outbox.queue(lens, to: [id], settings: Self.settings, actor: "office")
            try await outbox.contacts.optOutOfMarketing(subject: id, source: .phoneCall, actor: "office")
            let afterOptOut = try await outbox.deliver(using: transport)
            #expect(afterOptOut.cancelled == 1 && afterOptOut.sent == 0)
            let refused = try await outbox.queue(lens, to: nil, settings: Self.settings, actor: "office")
            #expect(refused.queued.isEmpty)
            #expect(refused.denied[.suppressed] == 1)

            // The booking changes: the administrative email still goes, with no unsubscribe link.
            let admin = try await outbox.queue(booking, to: [id], settings: Self.settings, actor: "office")
            #expect(admin.queued.count == 1)
            #expect(try await outbox.deliver(using: transport).sent == 1)
            let received = try smtp.received()
            #expect(received.count == 2)
            let change = try #require(received.last)
            #expect(change.data.contains("Subject: Your booking has changed"))
            #expect(!change.data.contains("List-Unsubscribe"))
            let text = try Self.plainText(change.data)
            #expect(text.contains("Dear Head Teacher,"))
            #expect(text.contains("\r\n.A line that starts with a full stop."))

            let log = try await outbox.communications(of: id)
            #expect(log.map(\.message.status) == [.sent, .cancelled, .sent])
            #expect(log.map(\.message.template) == ["lens.txt", "lens.txt", "booking-change.txt"])
            #expect(log[1].message.id == second.queued.first)
            #expect(log[1].events.map(\.kind) == [.queued, .cancelled])
            #expect(log[1].events.last?.detail == "contact decision: suppressed")
            #expect(log[2].events.map(\.kind) == [.queued, .sent])
        }
    }

    @Test("a temporary refusal is retried with backoff until the server takes it", arguments: TestBackend.available)
    func retriesWithBackoff(_ backend: TestBackend) async throws {
        let smtp = try SMTPTestServer(arguments: ["--defer", "2"])
        defer { smtp.stop() }
        let transport = try SMTPTransport(SMTPConfiguration(url: smtp.url))
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let outbox = Outbox(vault: vault)
            let id = try await SeedPeople.head(vault, email: "head@school.example")
            let start = Date()
            let queued = try await Self.queueBooking(outbox, for: id, at: start)
            let messageID = try #require(queued.queued.first)

            #expect(try await outbox.deliver(using: transport, at: start).deferred == 1)
            var message = try #require(try await vault.store.message(messageID, in: vault.workspace.id))
            #expect(message.status == .queued && message.attempts == 1)
            #expect(Self.same(message.nextAttemptAt, start.addingTimeInterval(60)))
            #expect(message.lastError == "attempt 1: SMTP 451 4.3.0 at end of data")
            // Not due yet: nothing is taken.
            #expect(try await outbox.deliver(using: transport, at: start.addingTimeInterval(30)).total == 0)
            #expect(try await outbox.deliver(using: transport, at: start.addingTimeInterval(61)).deferred == 1)
            message = try #require(try await vault.store.message(messageID, in: vault.workspace.id))
            #expect(Self.same(message.nextAttemptAt, start.addingTimeInterval(61 + 300)))
            #expect(try await outbox.deliver(using: transport, at: start.addingTimeInterval(362)).sent == 1)
            message = try #require(try await vault.store.message(messageID, in: vault.workspace.id))
            #expect(message.status == .sent && message.attempts == 3 && message.lastError == nil)
            #expect(try smtp.received().count == 1)
            let kinds = try await outbox.communications(of: id).flatMap(\.events).map(\.kind)
            #expect(kinds == [.queued, .deferred, .deferred, .sent])
        }
    }

    @Test(
        "a permanent refusal fails at once, is visible, keeps no address, and can be retried",
        arguments: TestBackend.available)
    func permanentFailure(_ backend: TestBackend) async throws {
        let smtp = try SMTPTestServer(arguments: ["--reject-recipient", "head@"])
        defer { smtp.stop() }
        let transport = try SMTPTransport(SMTPConfiguration(url: smtp.url))
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let outbox = Outbox(vault: vault)
            let id = try await SeedPeople.head(vault, email: "head@school.example")
            let queued = try await Self.queueBooking(outbox, for: id)
            #expect(try await outbox.deliver(using: transport).failed == 1)
            let failed = try await outbox.messages(withStatuses: [.failed])
            #expect(failed.map(\.id) == queued.queued)
            let error = try #require(failed.first?.lastError)
            #expect(error == "attempt 1: SMTP 550 5.1.1 at RCPT TO")
            #expect(try await outbox.counts()[.failed] == 1)

            try await outbox.retry(try #require(queued.queued.first), actor: "dpo")
            #expect(try await outbox.counts()[.queued] == 1)
            #expect(try await outbox.deliver(using: transport).failed == 1)
            await #expect(throws: VaultError.self) { try await outbox.retry(UUID(), actor: "dpo") }
            let kinds = try await outbox.communications(of: id).flatMap(\.events).map(\.kind)
            #expect(kinds == [.queued, .failed, .retried, .failed])
        }
    }

    @Test(
        "ASSET: a contact unsubscribes by the link in an .eml, is erased and re-imported, and is never emailed again",
        arguments: TestBackend.available)
    func assetUnsubscribeEraseReimport(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "asset")
            let outbox = Outbox(vault: vault)
            let folder = fixture.keyFolder.appendingPathComponent("outbox")
            let transport = EmlFolderTransport(folder: folder)
            let template = try Self.template(
                """
                ---
                subject: ASSET news
                purpose: marketing
                list: newsletter
                ---
                Hello {{name}}, news from {{organisation}}.
                Unsubscribe: {{unsubscribe_url}}
                """, "news.txt")
            let id = try await SeedPeople.assetContact(vault, email: "bursar@hill.example")
            try await outbox.contacts.record(
                .given, subject: id, purpose: "marketing", channel: .email, list: "newsletter", source: .webForm,
                actor: "subject")
            let queued = try await outbox.queue(template, to: nil, settings: Self.settings, actor: "office")
            #expect(try await outbox.deliver(using: transport).sent == 1)
            let file = folder.appendingPathComponent("\(try #require(queued.queued.first).uuidString.lowercased()).eml")
            let eml = try String(contentsOf: file, encoding: .utf8)
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)

            // The person follows the one-click link from the email.
            let token = try #require(Self.unsubscribeToken(in: eml))
            let claims = try vault.links.claims(of: token, kind: .unsubscribe)
            #expect(claims.purpose == "marketing" && claims.list == "newsletter")
            #expect(try await outbox.unsubscribe(claims) != nil)
            #expect(try await outbox.unsubscribe(claims) == nil)  // a second click changes nothing
            // Nothing of marketing is left in force: the address is suppressed for marketing too.
            #expect(try await outbox.contacts.decide(subject: id, template.question).reason == .suppressed)
            #expect(try await outbox.contacts.consents(of: id).last?.action == .withdrawn)
            #expect(
                try await outbox.communications(of: id).first?.events.map(\.kind) == [.queued, .sent, .unsubscribed])

            try await vault.erase(subject: id, actor: "dpo", reason: "erasure request")
            let report = try await SeedPeople.importContacts(
                ["Sam Bursar,Hill School,bursar@hill.example"], into: vault, fixture: fixture)
            #expect(report.suppressed == 1)
            let again = try await outbox.queue(template, to: nil, settings: Self.settings, actor: "office")
            #expect(again.queued.isEmpty)
            let direct = try await outbox.queue(template, to: [id], settings: Self.settings, actor: "office")
            #expect(direct.queued.isEmpty && direct.denied[.gone] == 1)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 1)
        }
    }

    @Test("a message queued for someone erased before it goes is cancelled", arguments: TestBackend.available)
    func erasedBeforeDelivery(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let outbox = Outbox(vault: vault)
            let id = try await SeedPeople.head(vault, email: "head@school.example")
            _ = try await Self.queueBooking(outbox, for: id)
            try await vault.erase(subject: id, actor: "dpo", reason: "erasure request")
            let folder = fixture.keyFolder.appendingPathComponent("outbox")
            #expect(try await outbox.deliver(using: EmlFolderTransport(folder: folder)).cancelled == 1)
            #expect(!FileManager.default.fileExists(atPath: folder.path))
        }
    }

    @Test("opens are recorded only where the policy declares tracking, once", arguments: TestBackend.available)
    func openTracking(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let outbox = Outbox(vault: vault)
            let id = try await SeedPeople.head(vault, email: "head@school.example")
            try await outbox.contacts.record(
                .given, subject: id, purpose: "marketing", list: "lens", source: .webForm, actor: "subject")
            let marketing = try await outbox.queue(
                try Self.template(Self.newsletter, "lens.txt"), to: [id], settings: Self.settings, actor: "office")
            let admin = try await Self.queueBooking(outbox, for: id)
            let tracked = try #require(marketing.queued.first)
            let untracked = try #require(admin.queued.first)
            #expect(try await vault.store.message(tracked, in: vault.workspace.id)?.tracked == true)
            #expect(try await vault.store.message(untracked, in: vault.workspace.id)?.tracked == false)

            let open = LinkClaims(kind: .open, subjectID: id, messageID: tracked)
            #expect(try await outbox.recordOpen(open) == .recorded)
            #expect(try await outbox.recordOpen(open) == .alreadyRecorded)
            #expect(
                try await outbox.recordOpen(LinkClaims(kind: .open, subjectID: id, messageID: untracked)) == .notTracked
            )
            #expect(
                try await outbox.recordOpen(LinkClaims(kind: .open, subjectID: UUID(), messageID: tracked))
                    == .notTracked)
            let events = try await outbox.communications(of: id).flatMap(\.events)
            #expect(events.filter { $0.kind == .opened }.map(\.messageID) == [tracked])
        }
    }

    @Test("a template the policy does not allow queues nothing and names the line", arguments: TestBackend.available)
    func badTemplates(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let outbox = Outbox(vault: vault)
            let id = try await SeedPeople.head(vault, email: "head@school.example")
            let cases: [(String, String)] = [
                ("---\nsubject: Hi\npurpose: marketing\nlist: gossip\n---\nHello", "list"),
                ("---\nsubject: Hi\npurpose: booking_admin\n---\nHello {{nmae}}", "did you mean {{name}}"),
                ("---\nsubject: Hi\npurpose: booking_admin\n---\nStop: {{unsubscribe_url}}", "not a marketing purpose"),
                ("---\nsubject: Hi\npurpose: fundraising\n---\nHello", "purpose"),
            ]
            for (text, expected) in cases {
                let template = try Self.template(text, "bad.txt")
                do {
                    _ = try await outbox.queue(template, to: [id], settings: Self.settings, actor: "office")
                    Issue.record("queued a bad template: \(expected)")
                } catch let error as VaultError {
                    #expect(error.kind == .invalid)
                    #expect(error.message.contains(expected), "\(error.message)")
                    #expect(error.message.hasPrefix("bad.txt:"))
                }
            }
            #expect(try await outbox.counts().isEmpty)
        }
    }

    @Test("preferences list every list and channel, and a bad line changes nothing", arguments: TestBackend.available)
    func preferences(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let contacts = Contacts(vault: vault)
            let id = try await SeedPeople.head(vault, email: "head@school.example")
            let lines = try await contacts.preferences(of: id)
            #expect(
                Set(lines.map { "\($0.choice.list ?? "-") \($0.choice.channel.rawValue)" }) == [
                    "lens email", "lens post", "events email", "events post",
                ])
            #expect(lines.allSatisfy { !$0.choice.subscribed })
            let lensByEmail = PreferenceChoice(purpose: "marketing", list: "lens", channel: .email, subscribed: true)
            await #expect(throws: VaultError.self) {
                try await contacts.setPreferences(
                    [
                        lensByEmail,
                        PreferenceChoice(purpose: "marketing", list: "gossip", channel: .email, subscribed: true),
                    ],
                    subject: id, source: .preferencesPage, actor: "subject")
            }
            #expect(try await contacts.consents(of: id).isEmpty)
            let written = try await contacts.setPreferences(
                [lensByEmail], subject: id, source: .preferencesPage, actor: "subject")
            #expect(written.map(\.action) == [.given])
            #expect(
                try await contacts.setPreferences(
                    [lensByEmail], subject: id, source: .preferencesPage, actor: "subject"
                ).isEmpty)
            let after = try await contacts.preferences(of: id).filter(\.choice.subscribed).map(\.choice)
            #expect(after == [lensByEmail])
        }
    }

    /// Equal to the millisecond, as both stores keep times.
    static func same(_ stored: Date?, _ expected: Date) -> Bool {
        guard let stored else { return false }
        return abs(stored.timeIntervalSince(expected)) < 0.002
    }

    /// The token of the List-Unsubscribe header.
    static func unsubscribeToken(in eml: String) -> String? {
        guard let line = eml.components(separatedBy: "\r\n").first(where: { $0.hasPrefix("List-Unsubscribe: <") }),
            let range = line.range(of: "token=")
        else { return nil }
        return String(line[range.upperBound...].dropLast())
    }

    /// The decoded text/plain part of a message as sent.
    static func plainText(_ data: String) throws -> String {
        let parts = data.components(separatedBy: "Content-Type: text/plain; charset=utf-8\r\n")
        let body = try #require(parts.last?.components(separatedBy: "\r\n\r\n").dropFirst().first)
        let base64 = body.components(separatedBy: "\r\n--").first?.replacingOccurrences(of: "\r\n", with: "") ?? ""
        return String(decoding: try #require(Data(base64Encoded: base64)), as: UTF8.self)
    }
}
