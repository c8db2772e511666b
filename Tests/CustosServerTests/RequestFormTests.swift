import CustosCore
import CustosMail
import CustosServices
import CustosTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import CustosServer

/// The privacy centre's request form over HTTP: a person without an account asks, gets the
/// confirmation link by real SMTP, follows it, and the request starts on the clock.
@Suite("The privacy centre: the request form")
struct RequestFormTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    static func encoded(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return ByteBuffer(
            string: fields.map {
                "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
            }.joined(separator: "&"))
    }

    @Test(
        "a head asks online, follows the emailed link, and sees the due date; the form says what is wrong and keeps nothing"
    )
    func askAndConfirm() async throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        try await ApiFixture.with(["ashe", "asset"]) { fixture in
            let head = try await fixture.asheHead(email: "ann.smith@example.sch.uk")
            let mail = PrivacyCentreMail(
                transport: try SMTPTransport(SMTPConfiguration(url: smtp.url)), publicURL: "http://localhost",
                sender: MailAddress("privacy@ashe.example"))
            let app = buildApplication(
                installation: Installation(store: fixture.store, keys: fixture.keys), mail: mail,
                logger: Logger(label: "custos.test"))
            let vault = try await fixture.vault("ashe")
            try await app.test(.router) { client in
                try await client.execute(uri: "/privacy/ashe", method: .get) { response in
                    #expect(String(buffer: response.body).contains("<a href=\"/privacy/ashe/request\">"))
                }
                try await client.execute(uri: "/privacy/ashe/request", method: .get) { response in
                    #expect(response.status == .ok)
                    let page = String(buffer: response.body)
                    #expect(page.contains("<label for=\"email\">Your email address</label>"))
                    #expect(page.contains("id=\"kind\" value=\"access\""))
                    #expect(page.contains("value=\"objection\""), "ASHE markets, so objection is offered")
                    #expect(!page.contains("value=\"educational_record\""), "ASHE is not a school")
                    #expect(!page.contains("error-summary"))
                }

                // Nothing chosen and a bad address: each problem named, linked to its field, nothing kept.
                try await client.execute(
                    uri: "/privacy/ashe/request", method: .post, headers: Self.form,
                    body: Self.encoded([("name", "Ann Smith"), ("email", "ann.smith@"), ("details", "All of it")])
                ) { response in
                    #expect(response.status == .badRequest)
                    let page = String(buffer: response.body)
                    #expect(page.contains("<title>Error: Make a request"))
                    #expect(page.contains("<a href=\"#kind\">Choose what you are asking for</a>"))
                    #expect(page.contains("<a href=\"#email\">Enter an email address in the correct format"))
                    #expect(page.contains("value=\"Ann Smith\""), "what was typed is kept")
                    #expect(page.contains(">All of it</textarea>"))
                }
                #expect(try await Requests(vault: vault).list().isEmpty)
                #expect(try smtp.received().isEmpty)

                try await client.execute(
                    uri: "/privacy/ashe/request", method: .post, headers: Self.form,
                    body: Self.encoded([
                        ("kind", "access"), ("name", "Ann Smith"), ("email", "Ann.Smith@example.sch.uk"),
                    ])
                ) { response in
                    #expect(response.status == .seeOther)
                    #expect(response.headers[.location] == "/privacy/ashe/request/sent")
                }
                try await client.execute(uri: "/privacy/ashe/request/sent", method: .get) { response in
                    #expect(String(buffer: response.body).contains("Check your email"))
                }
                let requests = try await Requests(vault: vault).list()
                #expect(requests.count == 1 && requests.first?.state == .awaitingVerification)

                let message = try #require(try smtp.received().first)
                #expect(message.rcptTos == ["ann.smith@example.sch.uk"])
                let link = try #require(MailText.link(in: message.data, containing: "/request/confirm"))
                let path = try #require(link.absoluteString.split(separator: "localhost").last.map(String.init))
                // A mail scanner's GET confirms nothing.
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains("Confirm my request"))
                }
                #expect(try await Requests(vault: vault).list().first?.state == .awaitingVerification)
                try await client.execute(uri: path, method: .post, headers: Self.form) { response in
                    #expect(response.status == .ok)
                    let page = String(buffer: response.body)
                    #expect(page.contains("Your request is confirmed"))
                    #expect(page.contains("We will answer by <strong>"))
                }
                let started = try #require(try await Requests(vault: vault).list().first)
                #expect(started.state == .inProgress && started.subjectID == head && started.dueOn != nil)

                // An address on file for no one: confirmed, and staff check who the requester is.
                try await client.execute(
                    uri: "/privacy/ashe/request", method: .post, headers: Self.form,
                    body: Self.encoded([("kind", "erasure"), ("name", "Jo Bloggs"), ("email", "jo@home.example")])
                ) { response in
                    #expect(response.status == .seeOther)
                }
                let strangers = try smtp.received().filter { $0.rcptTos == ["jo@home.example"] }
                let strangerLink = try #require(
                    strangers.first.flatMap { MailText.link(in: $0.data, containing: "/request/confirm") })
                let strangerPath = try #require(
                    strangerLink.absoluteString.split(separator: "localhost").last.map(String.init))
                try await client.execute(uri: strangerPath, method: .post, headers: Self.form) { response in
                    let page = String(buffer: response.body)
                    #expect(page.contains("We will be in touch to check who you are"))
                    #expect(!page.contains("We will answer by"))
                }

                // An altered link, and a workspace that takes no requests online.
                let altered = path.replacingOccurrences(of: "token=e", with: "token=f")
                try await client.execute(uri: altered, method: .post, headers: Self.form) { response in
                    #expect(response.status == .forbidden)
                    #expect(String(buffer: response.body).contains("not valid"))
                }
                try await client.execute(uri: "/privacy/asset/request", method: .get) { response in
                    #expect(response.status == .ok, "a page saying how to make a request instead")
                    #expect(String(buffer: response.body).contains("How to make a request to"))
                }
                try await client.execute(uri: "/privacy/asset/request", method: .post, headers: Self.form) { response in
                    #expect(response.status == .notFound, "nothing taken online")
                    #expect(String(buffer: response.body).contains("does not take requests online"))
                }
            }
            let audit = try await AuditLog(store: fixture.store).entries(limit: 500)
            #expect(audit.allSatisfy { !($0.event.detail ?? "").contains("ann.smith") })
        }
    }
}
