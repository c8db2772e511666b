import CustosCore
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

/// The pages people reach from links in messages: one-click unsubscribe, the preferences page
/// and the open pixel, with good links and bad ones.
@Suite("The privacy centre: unsubscribe, preferences and the open pixel")
struct PreferencesPageTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// The path and query of a link (the public address is the server's own in production).
    static func path(_ url: String) -> String {
        String(url.dropFirst("http://localhost".count))
    }

    static func links(_ vault: Vault) -> PrivacyCentreLinks {
        PrivacyCentreLinks(publicURL: "http://localhost", workspaceName: vault.workspace.name, signer: vault.links)
    }

    @Test("one-click unsubscribe: a GET only asks, the POST withdraws, a second POST changes nothing")
    func unsubscribe() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let vault = try await fixture.vault("ashe")
            let contacts = Contacts(vault: vault)
            let id = try await fixture.asheHead()
            try await contacts.record(
                .given, subject: id, purpose: "marketing", list: "lens", source: .webForm, actor: "subject")
            let path = Self.path(
                Self.links(vault).unsubscribe(subject: id, purpose: "marketing", list: "lens", message: UUID()))
            let lens = ContactQuestion(purpose: "marketing", channel: .email, list: "lens")
            try await fixture.app.test(.router) { client in
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok)
                    let body = String(buffer: response.body)
                    #expect(body.contains("Stop getting the LENS newsletter from ASHE by email?"))
                    #expect(body.contains("<button type=\"submit\">Unsubscribe</button>"))
                }
                #expect(try await contacts.decide(subject: id, lens).reason == .consentGiven)
                for _ in 0..<2 {
                    try await client.execute(
                        uri: path, method: .post, headers: Self.form,
                        body: ByteBuffer(string: "List-Unsubscribe=One-Click")
                    ) { response in
                        #expect(response.status == .ok)
                        #expect(String(buffer: response.body).contains("You are unsubscribed"))
                    }
                }
            }
            #expect(try await contacts.decide(subject: id, lens).reason == .consentWithdrawn)
            #expect(
                try await contacts.decide(
                    subject: id, ContactQuestion(purpose: "marketing", channel: .email, list: "events")
                )
                .reason == .noConsent)
            let entries = try await contacts.consents(of: id)
            #expect(entries.map(\.action) == [.given, .withdrawn])
            #expect(entries.last?.source == .unsubscribeLink)
        }
    }

    @Test("forged, expired, cut-short and wrong-kind links get a clear 4xx and change nothing")
    func badTokens() async throws {
        try await ApiFixture.with(["ashe", "asset"]) { fixture in
            let vault = try await fixture.vault("ashe")
            let other = try await fixture.vault("asset")
            let contacts = Contacts(vault: vault)
            let id = try await fixture.asheHead()
            try await contacts.record(
                .given, subject: id, purpose: "marketing", list: "lens", source: .webForm, actor: "subject")
            let good = Self.links(vault).unsubscribe(subject: id, purpose: "marketing", list: "lens", message: UUID())
            let token = String(good[good.range(of: "token=")!.upperBound...])
            var forged = Array(token)
            forged[forged.count - 2] = forged[forged.count - 2] == "A" ? "B" : "A"
            let otherWorkspace = Self.links(other).unsubscribe(
                subject: id, purpose: "marketing", list: "lens", message: UUID())
            let otherToken = String(otherWorkspace[otherWorkspace.range(of: "token=")!.upperBound...])
            let expired = Self.links(vault).preferences(subject: id, expiresAt: Date().addingTimeInterval(-1))
            let preferencesToken = Self.links(vault).preferences(subject: id, expiresAt: Date().addingTimeInterval(600))
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("/privacy/ashe/unsubscribe", .badRequest, "incomplete"),
                ("/privacy/ashe/unsubscribe?token=abc", .badRequest, "incomplete"),
                ("/privacy/ashe/unsubscribe?token=\(String(forged))", .forbidden, "not valid"),
                ("/privacy/ashe/unsubscribe?token=\(otherToken)", .forbidden, "not valid"),
                (
                    "/privacy/ashe/unsubscribe?\(Self.path(preferencesToken).split(separator: "?")[1])", .badRequest,
                    "for another page"
                ),
                (Self.path(expired), .gone, "expired"),
                ("/privacy/ashe/preferences?token=\(token)", .badRequest, "for another page"),
                ("/privacy/nowhere/unsubscribe?token=\(token)", .notFound, "no privacy centre"),
            ]
            try await fixture.app.test(.router) { client in
                for (path, status, message) in cases {
                    for method in [HTTPRequest.Method.get, .post] {
                        try await client.execute(
                            uri: path, method: method, headers: Self.form,
                            body: ByteBuffer(string: "List-Unsubscribe=One-Click&everything=stop")
                        ) { response in
                            #expect(response.status == status, "\(method) \(path)")
                            let body = String(buffer: response.body)
                            #expect(body.contains(message), "\(path): \(body)")
                            #expect(!body.contains("ann.smith"))
                        }
                    }
                }
            }
            try await fixture.app.test(.router) { client in
                try await client.execute(uri: "/privacy/ashe/opened.gif?token=\(token)", method: .get) { response in
                    #expect(response.status == .badRequest)
                }
            }
            #expect(try await contacts.consents(of: id).map(\.action) == [.given])
            #expect(try await contacts.suppression(kind: "email", value: "ann.smith@example.sch.uk") == nil)
        }
    }

    @Test("the preferences page shows every list and channel, saves choices, and refuses unknown lines")
    func preferencesPage() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let vault = try await fixture.vault("ashe")
            let contacts = Contacts(vault: vault)
            let id = try await fixture.asheHead()
            let path = Self.path(Self.links(vault).preferences(subject: id, expiresAt: Date().addingTimeInterval(600)))
            let shown = [
                "marketing:lens:email", "marketing:lens:post", "marketing:events:email", "marketing:events:post",
            ]
            .map { "shown=\($0.replacingOccurrences(of: ":", with: "%3A"))" }.joined(separator: "&")
            @Sendable func post(
                _ body: String, expect status: HTTPResponse.Status, _ text: String, client: some TestClientProtocol
            )
                async throws
            {
                try await client.execute(uri: path, method: .post, headers: Self.form, body: ByteBuffer(string: body)) {
                    response in
                    #expect(response.status == status, "\(body)")
                    #expect(String(buffer: response.body).contains(text), "\(body)")
                }
            }
            try await fixture.app.test(.router) { client in
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok)
                    let body = String(buffer: response.body)
                    #expect(body.components(separatedBy: "name=\"subscribe\"").count == 5)
                    #expect(body.contains("<label for=\"line-marketing:lens:email\">LENS newsletter: By email</label>"))
                    #expect(body.contains("<legend>Newsletters and news of events</legend>"))
                    #expect(!body.contains(" checked"))
                }
                try await post(
                    shown + "&subscribe=marketing%3Agossip%3Aemail", expect: .badRequest, "list", client: client)
                try await post(
                    shown + "&subscribe=marketing%3Alens%3Apigeon", expect: .badRequest, "channel", client: client)
                try await post("subscribe=booking_admin%3A%3Aemail", expect: .badRequest, "purpose", client: client)
                #expect(try await contacts.consents(of: id).isEmpty)

                try await post(
                    shown + "&subscribe=marketing%3Alens%3Aemail", expect: .ok, "Your choices are saved", client: client
                )
                let lens = ContactQuestion(purpose: "marketing", channel: .email, list: "lens")
                #expect(try await contacts.decide(subject: id, lens).reason == .consentGiven)
                #expect(try await contacts.consents(of: id).map(\.source) == [.preferencesPage])
                try await client.execute(uri: path, method: .get) { response in
                    #expect(String(buffer: response.body).components(separatedBy: " checked").count == 2)
                }

                try await post("everything=stop", expect: .ok, "Your choices are saved", client: client)
                #expect(try await contacts.decide(subject: id, lens).reason == .suppressed)
            }
        }
    }

    @Test("the open pixel records an open of a tracked message only")
    func openPixel() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let vault = try await fixture.vault("ashe")
            let outbox = Outbox(vault: vault)
            let id = try await fixture.asheHead()
            try await outbox.contacts.record(
                .given, subject: id, purpose: "marketing", list: "lens", source: .webForm, actor: "subject")
            let settings = MessageSettings(from: MailAddress("office@ashe.example")!, publicURL: "http://localhost")
            let newsletter = try MessageTemplate(
                text: "---\nsubject: LENS\npurpose: marketing\nlist: lens\n---\nHello {{name}}", name: "lens.txt")
            let booking = try MessageTemplate(
                text: "---\nsubject: Booking\npurpose: booking_admin\n---\nHello {{name}}", name: "booking.txt")
            let tracked = try #require(
                try await outbox.queue(newsletter, to: [id], settings: settings, actor: "t").queued.first)
            let untracked = try #require(
                try await outbox.queue(booking, to: [id], settings: settings, actor: "t").queued.first)
            let links = Self.links(vault)
            try await fixture.app.test(.router) { client in
                for _ in 0..<2 {
                    try await client.execute(
                        uri: Self.path(links.openPixel(subject: id, message: tracked)), method: .get
                    ) {
                        response in
                        #expect(response.status == .ok)
                        #expect(response.headers[.contentType] == "image/gif")
                    }
                }
                try await client.execute(uri: Self.path(links.openPixel(subject: id, message: untracked)), method: .get)
                {
                    response in
                    #expect(response.status == .notFound)
                }
            }
            let opened = try await outbox.communications(of: id).flatMap(\.events).filter { $0.kind == .opened }
            #expect(opened.map(\.messageID) == [tracked])
        }
    }
}
