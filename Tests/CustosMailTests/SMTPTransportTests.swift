import CustosMail
import CustosServices
import CustosTestSupport
import Foundation
import Testing

/// The SMTP client against a real SMTP server (aiosmtpd) on 127.0.0.1.
@Suite("SMTP delivery", .enabled(if: ExternalTools.pythonTestsEnabled))
struct SMTPTransportTests {
    static func envelope(to recipient: String = "ann@school.example", body: String) -> MailEnvelope {
        MailEnvelope(
            id: UUID(), sender: "office@ashe.example", recipient: recipient,
            data: Data("From: office@ashe.example\r\nTo: \(recipient)\r\nSubject: Test\r\n\r\n\(body)".utf8))
    }

    @Test("a message is delivered whole: envelope, headers, and lines that start with a full stop")
    func delivers() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let transport = try SMTPTransport(SMTPConfiguration(url: server.url))
        try await transport.deliver(Self.envelope(body: "Hello\r\n.\r\n..two\r\nend"))
        let received = try #require(try server.received().first)
        #expect(received.mailFrom == "office@ashe.example")
        #expect(received.rcptTos == ["ann@school.example"])
        // Dot-stuffing undone by the server; the missing final line break added.
        #expect(received.data.hasSuffix("\r\n\r\nHello\r\n.\r\n..two\r\nend\r\n"))
    }

    @Test("4xx is temporary, 5xx permanent, a closed port temporary; no failure holds the address")
    func failures() async throws {
        let deferring = try SMTPTestServer(arguments: ["--defer", "1", "--reject-recipient", "nobody@"])
        defer { deferring.stop() }
        let transport = try SMTPTransport(SMTPConfiguration(url: deferring.url))
        await #expect(throws: DeliveryFailure(permanent: false, "SMTP 451 4.3.0 at end of data")) {
            try await transport.deliver(Self.envelope(body: "x"))
        }
        await #expect(throws: DeliveryFailure(permanent: true, "SMTP 550 5.1.1 at RCPT TO")) {
            try await transport.deliver(Self.envelope(to: "nobody@school.example", body: "x"))
        }
        try await transport.deliver(Self.envelope(body: "x"))
        #expect(try deferring.received().count == 1)

        let closed = try SMTPTransport(SMTPConfiguration(host: "127.0.0.1", port: 1, security: .none))
        do {
            try await closed.deliver(Self.envelope(body: "x"))
            Issue.record("delivered to a closed port")
        } catch let failure as DeliveryFailure {
            #expect(!failure.permanent)
            #expect(failure.reason.hasPrefix("SMTP 127.0.0.1:1"))
        }
    }

    @Test("mail URLs: schemes, ports, and no password over plain SMTP")
    func configuration() throws {
        let starttls = try SMTPConfiguration(url: "smtp+starttls://user:p%40ss@mail.example.org")
        #expect(starttls.port == 587 && starttls.security == .startTLS)
        #expect(starttls.username == "user" && starttls.password == "p@ss")
        #expect(!starttls.description.contains("p@ss"))
        #expect(try SMTPConfiguration(url: "smtps://u:p@mail.example.org").port == 465)
        #expect(try SMTPConfiguration(url: "smtp://127.0.0.1:2525").security == .none)
        for bad in ["smtp://user:secret@mail.example.org", "ftp://mail.example.org", "smtp://", "smtps://user@host"] {
            #expect(throws: MailConfigurationError.self) { try SMTPConfiguration(url: bad) }
            do { _ = try SMTPConfiguration(url: bad) } catch { #expect(!error.message.contains("secret")) }
        }
        #expect(try MailTransports.transport(for: "/tmp/outbox") is EmlFolderTransport)
        #expect(try MailTransports.transport(for: "smtp://127.0.0.1:2525") is SMTPTransport)
    }
}
