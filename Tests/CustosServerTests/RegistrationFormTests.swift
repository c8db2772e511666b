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

/// BEP's registration form over HTTP: made from the policy's record type, warning against a
/// shared address, confirmed by the link that real SMTP delivers, and the school's lead told.
@Suite("The privacy centre: registration")
struct RegistrationFormTests {
    @Test(
        "a teacher registers on the form made from the policy; a shared address is warned against; the emailed link finishes it and the school's head is told"
    )
    func register() async throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        try await ApiFixture.with(["bep", "ashe"]) { fixture in
            let vault = try await fixture.vault("bep")
            let crays = try await vault.addSchool(name: "Crays Hill Primary", urn: "115001", laCode: nil, actor: "test")
            _ = try await vault.addSchool(name: "Basildon Academy", urn: "115002", laCode: nil, actor: "test")
            _ = try await StaffUsers(store: fixture.store, hashing: PasswordHashing(cost: 4)).add(
                email: "head@crays.example", name: "Pat Head", role: .schoolLeader, schoolID: crays.id,
                password: "a long enough passphrase", in: vault.workspace, by: "test")
            let mail = PrivacyCentreMail(
                transport: try SMTPTransport(SMTPConfiguration(url: smtp.url)), publicURL: "http://localhost",
                sender: MailAddress("cpd@bep.example"))
            let app = buildApplication(
                installation: Installation(store: fixture.store, keys: fixture.keys), mail: mail,
                logger: Logger(label: "custos.test"))
            try await app.test(.router) { client in
                try await client.execute(uri: "/privacy/bep", method: .get) { response in
                    #expect(
                        String(buffer: response.body).contains("<a href=\"/privacy/bep/register\">Register with us</a>")
                    )
                }
                try await client.execute(uri: "/privacy/bep/register", method: .get) { response in
                    #expect(response.status == .ok)
                    let page = String(buffer: response.body)
                    #expect(page.contains("<h1>Register: Your account</h1>"))
                    #expect(
                        page.contains("<label for=\"f-first_name\">First name <span class=\"muted\">(required)</span>"))
                    #expect(
                        page.contains(
                            "<label for=\"f-phone\">Telephone or mobile number <span class=\"muted\">(optional)</span>")
                    )
                    #expect(
                        page.contains(
                            "If it is not given: Your school&#39;s leaders cannot authorise your CPD requests."))
                    #expect(
                        page.contains("<option value=\"115002\">Basildon Academy</option>"), "schools listed by name")
                    #expect(page.contains("autocomplete=\"email\""), "a person's own details may be filled in")
                    #expect(page.contains("we tell the lead users at your school"))
                    // Marketing under the soft opt-in can be refused here, on a box of its own, unticked.
                    #expect(page.contains("<legend>Your choices</legend>"))
                    #expect(
                        page.contains(
                            #"<input type="checkbox" id="f-choice-relationship_marketing" name="choice" value="opt-out:relationship_marketing" aria-describedby="f-choice-relationship_marketing-hint">"#
                        ))
                    #expect(
                        page.contains(
                            #"<label for="f-choice-relationship_marketing">Do not use my details for: Telling you about services that may be relevant</label>"#
                        ))
                }

                // Nothing given: each required field named and linked, and nothing held.
                try await client.execute(
                    uri: "/privacy/bep/register", method: .post, headers: RequestFormTests.form,
                    body: RequestFormTests.encoded([("first_name", "Sam"), ("school_urn", "999999")])
                ) { response in
                    #expect(response.status == .badRequest)
                    let page = String(buffer: response.body)
                    #expect(page.contains("<title>Error: Register"))
                    #expect(page.contains("<a href=\"#f-surname\">Enter surname</a>"))
                    #expect(page.contains("<a href=\"#f-school_urn\">"))
                    #expect(page.contains("value=\"Sam\""), "what was typed is kept")
                }
                #expect(try await fixture.store.registrationsAwaitingLink(in: vault.workspace.id).isEmpty)

                let sam: [(String, String)] = [
                    ("first_name", "Sam"), ("surname", "Teacher"), ("role", "Year 3 teacher"),
                    ("email", "office@crays.example"), ("school_urn", "115001"),
                ]
                // A shared office address: warned, and asked to say it is theirs alone.
                try await client.execute(
                    uri: "/privacy/bep/register", method: .post, headers: RequestFormTests.form,
                    body: RequestFormTests.encoded(sam)
                ) { response in
                    #expect(response.status == .badRequest)
                    let page = String(buffer: response.body)
                    #expect(page.contains("<a href=\"#f-shared-address\">"))
                    #expect(page.contains("do not use a generic school address"))
                }
                #expect(try await fixture.store.registrationsAwaitingLink(in: vault.workspace.id).isEmpty)

                var personal = sam
                personal[3] = ("email", "sam.teacher@crays.example")
                personal.append(("choice", "opt-out:relationship_marketing"))
                // A choice the form does not offer is ignored.
                personal.append(("choice", "consent:service_delivery"))
                try await client.execute(
                    uri: "/privacy/bep/register", method: .post, headers: RequestFormTests.form,
                    body: RequestFormTests.encoded(personal)
                ) { response in
                    #expect(response.status == .seeOther)
                    #expect(response.headers[.location] == "/privacy/bep/register/sent")
                }
                let message = try #require(try smtp.received().first)
                #expect(message.rcptTos == ["sam.teacher@crays.example"])
                let link = try #require(MailText.link(in: message.data, containing: "/register/confirm"))
                let path = try #require(link.absoluteString.split(separator: "localhost").last.map(String.init))
                // A mail scanner's GET registers no one.
                try await client.execute(uri: path, method: .get) { response in
                    #expect(String(buffer: response.body).contains("Confirm and register"))
                }
                let index = vault.index(kind: "email", value: "sam.teacher@crays.example")
                #expect(try await fixture.store.subjectIDs(forIndexes: [index], in: vault.workspace.id).isEmpty)
                try await client.execute(uri: path, method: .post, headers: RequestFormTests.form) { response in
                    #expect(response.status == .ok)
                    let page = String(buffer: response.body)
                    #expect(page.contains("You are registered"))
                    #expect(page.contains("We will let the lead users at your school know"))
                }
                let registered = try #require(
                    try await fixture.store.subjectIDs(forIndexes: [index], in: vault.workspace.id)[index]?.first)
                // The refusal made on the form is in the ledger, as the person's own act, with its wording.
                let ledger = try await Contacts(vault: vault).consents(of: registered)
                #expect(ledger.map(\.purpose) == ["relationship_marketing"])
                #expect(ledger.first?.action == .withdrawn)
                #expect(ledger.first?.source == .webForm)
                #expect(ledger.first?.recordedBy == "registrant")
                #expect(
                    ledger.first?.wording
                        == "Do not use my details for: Telling you about services that may be relevant")
                let toHead = try #require(try smtp.received().first { $0.rcptTos == ["head@crays.example"] })
                let text = MailText.readable(toHead.data)
                #expect(text.contains("First name: Sam") && text.contains("Job title: Year 3 teacher"))
                #expect(!text.contains("sam.teacher@"))
                #expect(text.contains("Sam Teacher has registered with BEP"), "named as the school sees them")
                #expect(text.contains("http://localhost/console/school"), "the email links the page it concerns")
                #expect(!text.contains("Custos"), "the organisation's email, not the software's")
                // The link is spent.
                try await client.execute(uri: path, method: .post, headers: RequestFormTests.form) { response in
                    #expect(response.status == .gone)
                }

                // A workspace whose policy offers no registration.
                try await client.execute(uri: "/privacy/ashe/register", method: .get) { response in
                    #expect(response.status == .notFound)
                }
                try await client.execute(uri: "/privacy/ashe", method: .get) { response in
                    #expect(!String(buffer: response.body).contains("/register"))
                }
            }
        }
    }
}
