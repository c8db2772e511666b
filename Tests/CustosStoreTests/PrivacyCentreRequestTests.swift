import CustosCore
import CustosMail
import CustosServices
import CustosTestSupport
import Foundation
import Testing

/// Requests made in the privacy centre, on each backend: held until the requester follows the
/// signed link emailed to them (sent over real SMTP), then started on the clock, or passed to
/// staff when the address is no one's on file.
@Suite("Privacy-centre requests")
struct PrivacyCentreRequestTests {
    static let publicURL = "https://privacy.example.org"

    func day(_ text: String) throws -> CalendarDay { try #require(CalendarDay(iso: text)) }

    /// The claims of the confirmation link in the one message `smtp` received for `address`.
    func link(_ smtp: SMTPTestServer, to address: String, vault: Vault, at now: Date = Date()) throws -> LinkClaims {
        let message = try #require(try smtp.received().last { $0.rcptTos == [address] })
        let url = try #require(MailText.link(in: message.data, containing: "/request/confirm"))
        #expect(url.absoluteString.hasPrefix("\(Self.publicURL)/privacy/ashe/request/confirm?token="))
        let token = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?.first?.value)
        return try vault.links.claims(of: token, kind: .requestConfirmation, at: now)
    }

    @Test(
        "a head asks online from the address on file: the link confirms them, ties the request to them and starts the clock",
        arguments: TestBackend.available)
    func knownAddress(_ backend: TestBackend) async throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        let transport = try SMTPTransport(SMTPConfiguration(url: smtp.url))
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let head = try await SeedPeople.head(vault, email: "head@school.example")
            let centre = PrivacyCentreRequests(vault: vault)
            let asked = try PublicRequestForm(
                kind: "access", name: "Head Teacher", email: " Head@School.example ", details: "Everything, please"
            ).checked(offered: vault.policy.requestKindsOffered).get()
            let request = try await centre.submit(asked, on: try day("2026-11-02"))
            #expect(request.state == .awaitingVerification)
            #expect(request.channel == .web && request.subjectID == nil && request.dueOn == nil)

            let sender = try #require(MailAddress("privacy@ashe.example", name: "ASHE"))
            #expect(try await centre.sendLinks(using: transport, from: sender, publicURL: Self.publicURL) == 1)
            #expect(try await centre.sendLinks(using: transport, from: sender, publicURL: Self.publicURL) == 0)
            let message = try #require(try smtp.received().first)
            #expect(message.rcptTos == ["head@school.example"])
            let text = MailText.readable(message.data)
            #expect(text.contains("Subject: Confirm your request to"))
            #expect(request.reference == "R-2026-0001")
            #expect(text.contains("Your request's reference is R-2026-0001."), "a reference to quote, not an id")
            #expect(!text.contains(request.id.uuidString))

            let claims = try link(smtp, to: "head@school.example", vault: vault)
            #expect(claims.requestID == request.id)
            let outcome = try await centre.confirm(claims, on: try day("2026-11-03"))
            guard case .verified(let confirmed) = outcome else {
                Issue.record("expected the request to be verified, got \(outcome)")
                return
            }
            #expect(confirmed.subjectID == head)
            #expect(confirmed.state == .inProgress)
            #expect(confirmed.dueOn?.iso == "2026-12-03", "one month from the day the address was confirmed")
            let stored = try #require(try await fixture.store.request(request.id, in: vault.workspace.id))
            #expect(stored.subjectID == head && stored.dueOn?.iso == "2026-12-03")
            // Following the link again changes nothing.
            #expect(try await centre.confirm(claims, on: try day("2026-11-09")) == .alreadyConfirmed(stored))

            let shown = try #require(try await centre.requester(of: request.id, actor: "office"))
            #expect(shown.asked.email == "head@school.example" && shown.asked.details == "Everything, please")
            #expect(shown.confirmedAt != nil)
            let actions = try await AuditLog(store: fixture.store).entries(limit: 200).map(\.event)
            #expect(actions.contains { $0.action == "request.link_sent" && $0.detail?.contains("head@") == false })
            #expect(actions.contains { $0.action == "request.verified" && $0.actor == "requester" })
            #expect(actions.contains { $0.action == "request.confirmed" })
            #expect(actions.allSatisfy { !($0.detail ?? "").contains("head@school.example") })
            #expect(try await AuditLog(store: fixture.store).verify().failure == nil)
        }
    }

    @Test(
        "an address on file for no one, or a request for a child, is confirmed but waits for staff; an expired or altered link is refused",
        arguments: TestBackend.available)
    func unknownAddressAndLinks(_ backend: TestBackend) async throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        let transport = try SMTPTransport(SMTPConfiguration(url: smtp.url))
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let head = try await SeedPeople.head(vault, email: "head@school.example")
            let centre = PrivacyCentreRequests(vault: vault)
            let sender = try #require(MailAddress("privacy@ashe.example", name: "ASHE"))
            let sentAt = Date()
            _ = try await centre.submit(
                PublicRequest(kind: .erasure, name: "New Name", email: "new@home.example", details: nil, onBehalf: nil),
                on: try day("2026-11-02"), at: sentAt)
            let forChild = try await centre.submit(
                PublicRequest(
                    kind: .access, name: "Head Teacher", email: "head@school.example", details: nil,
                    onBehalf: .init(relationship: "parent", theirName: "Kid Teacher", competence: "She is 8")),
                on: try day("2026-11-02"), at: sentAt)
            let party = try #require(try Requests(vault: vault).party(of: forChild))
            #expect(party.relationship == "parent")
            #expect(party.competence.contains("staff to confirm"))
            #expect(!party.competence.contains("She is 8"), "the requester's words stay sealed with their details")
            #expect(forChild.party != nil, "who asked is kept sealed, not in a plain column")
            #expect(
                try await centre.sendLinks(using: transport, from: sender, publicURL: Self.publicURL, at: sentAt) == 2)

            let strangerClaims = try link(smtp, to: "new@home.example", vault: vault)
            guard case .awaitingStaff(let waiting) = try await centre.confirm(strangerClaims, on: try day("2026-11-03"))
            else {
                Issue.record("an unknown address does not identify anyone")
                return
            }
            #expect(waiting.subjectID == nil && waiting.dueOn == nil)
            let childClaims = try link(smtp, to: "head@school.example", vault: vault)
            guard case .awaitingStaff(let child) = try await centre.confirm(childClaims, on: try day("2026-11-03"))
            else {
                Issue.record("a request for someone else waits for staff")
                return
            }
            #expect(child.subjectID == nil)

            // Staff find the person and check who the requester is: the clock starts.
            let requests = Requests(vault: vault)
            try await requests.tie(forChild.id, to: head, actor: "office")
            let started = try await requests.record(
                .verified, request: forChild.id, on: try day("2026-11-05"), actor: "office")
            #expect(started.subjectID == head && started.dueOn?.iso == "2026-12-07")
            await #expect(throws: VaultError.self) {
                try await requests.tie(forChild.id, to: UUID(), actor: "office")
            }

            // The link stops working after 48 hours; an altered one never works.
            let message = try #require(try smtp.received().first)
            let url = try #require(MailText.link(in: message.data, containing: "/request/confirm"))
            let token = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?.first?.value)
            #expect(throws: LinkTokenError.expired) {
                try vault.links.claims(
                    of: token, kind: .requestConfirmation, at: sentAt.addingTimeInterval(48 * 3600 + 1))
            }
            #expect(throws: LinkTokenError.forged) {
                try vault.links.claims(
                    of: (token.first == "e" ? "f" : "e") + token.dropFirst(), kind: .requestConfirmation)
            }
            #expect(throws: LinkTokenError.wrongKind(expected: .preferences)) {
                try vault.links.claims(of: token, kind: .preferences)
            }
        }
    }

    @Test(
        "the same request sent again while the first is open is the first: one on the register, one email; another request from the address is its own",
        arguments: TestBackend.available)
    func repeatedRequest(_ backend: TestBackend) async throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        let transport = try SMTPTransport(SMTPConfiguration(url: smtp.url))
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let centre = PrivacyCentreRequests(vault: vault)
            let sender = try #require(MailAddress("privacy@ashe.example", name: "ASHE"))
            let asked = PublicRequest(
                kind: .access, name: "Pat Parent", email: "pat@home.example", details: "My emails", onBehalf: nil)
            let first = try await centre.submit(asked, on: try day("2026-11-02"))
            #expect(try await centre.sendLinks(using: transport, from: sender, publicURL: Self.publicURL) == 1)
            var again = asked
            again.name = " pat parent "
            again.email = "Pat@Home.example"
            let repeated = try await centre.submit(again, on: try day("2026-11-02"))
            #expect(repeated.id == first.id)
            #expect(try await centre.sendLinks(using: transport, from: sender, publicURL: Self.publicURL) == 0)
            #expect(try smtp.received().count == 1, "no second email to the address")
            let audit = try await AuditLog(store: fixture.store).entries(limit: 1000)
            #expect(
                audit.contains {
                    $0.event.action == "request.repeated" && $0.event.detail?.contains(first.id.uuidString) == true
                })

            // For a child, or about something else, it is another request.
            var forChild = asked
            forChild.onBehalf = .init(relationship: "parent", theirName: "Kid Parent", competence: "She is 8")
            let other = try await centre.submit(forChild, on: try day("2026-11-02"))
            #expect(other.id != first.id)
            let requests = try await Requests(vault: vault).list(includingClosed: true)
            #expect(requests.count == 2)
        }
    }
}
