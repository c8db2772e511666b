import CustosCore
import CustosMail
import CustosServer
import CustosServices
import CustosTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// The public privacy centre in a real headless Chromium: every page checked by axe-core (no
/// serious or critical WCAG 2.2 AA violation) and photographed into `screenshots/`; a person
/// changes their preferences.
@Suite("The privacy centre in a browser", .serialized)
struct PrivacyCentreBrowserTests {
    static func check(
        _ browser: HeadlessChromium, _ page: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws {
        let serious = try await browser.accessibilityViolations().filter(\.isSerious)
        #expect(serious.isEmpty, "\(page): \(serious)", sourceLocation: sourceLocation)
        try await browser.screenshot(
            to: ConsoleBrowserTests.screenshots.appendingPathComponent("privacy-centre-\(page).png"))
    }

    @Test("each example's notice, ASHE's request form (with its errors) and retention schedule, BEP's cookie pages")
    func publicPages() async throws {
        try await ApiFixture.with(Repository.exampleNames) { fixture in
            let app = fixture.liveApp()
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))/privacy"
                try await HeadlessChromium.with { browser in
                    try await browser.resize(width: 1280, height: 1000)
                    for example in Repository.exampleNames {
                        try await browser.open("\(base)/\(example)")
                        try await Self.check(browser, "notice-\(example)")
                    }
                    try await browser.open("\(base)/ashe/request")
                    try await Self.check(browser, "request-form")
                    try await browser.click("form[action='/privacy/ashe/request'] button[type=submit]")
                    #expect(try await browser.title().hasPrefix("Error: "))
                    let focused = try #require(try await browser.focusedElement())
                    #expect(try await browser.elements(".error-summary").first == focused, "focus on the summary")
                    try await Self.check(browser, "request-form-errors")
                    try await browser.open("\(base)/ashe/retention")
                    try await Self.check(browser, "retention-schedule")
                    try await browser.open("\(base)/asset/versions")
                    #expect(try await browser.text().contains("Version 1 (in force)"))
                    try await Self.check(browser, "versions")
                    try await browser.open("\(base)/bep/cookies")
                    try await Self.check(browser, "cookies")
                    try await browser.open("\(base)/bep/cookies/example")
                    #expect(try await browser.elements("section.custos-cookies").count == 1, "the banner asks")
                    try await Self.check(browser, "cookie-banner")
                }
            }
        }
    }

    @Test("a person follows their preferences link, stops one list, and the page says it is saved")
    func preferences() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let vault = try await fixture.vault("ashe")
            let head = try await fixture.asheHead()
            try await Contacts(vault: vault).record(
                .given, subject: head, purpose: "marketing", list: "lens", source: .webForm, actor: "subject")
            let app = fixture.liveApp()
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                let link = PrivacyCentreLinks(publicURL: base, workspaceName: "ashe", signer: vault.links)
                    .preferences(subject: head, expiresAt: Date().addingTimeInterval(3600))
                try await HeadlessChromium.with { browser in
                    try await browser.resize(width: 1280, height: 1000)
                    try await browser.open(link)
                    try await Self.check(browser, "preferences")
                    let ticked = try await browser.run(
                        "return Array.from(document.querySelectorAll('input[name=subscribe]:checked')).map(e => e.value);"
                    )
                    let lines = try #require(ticked as? [String])
                    #expect(!lines.isEmpty, "the list they joined is ticked")
                    try await browser.click("input[name=subscribe][value='\(try #require(lines.first))']")
                    try await browser.click("form button[type=submit]")
                    #expect(try await browser.text().contains("Your choices are saved."))
                    try await Self.check(browser, "preferences-saved")
                }
            }
            let entries = try await Contacts(vault: vault).consents(of: head)
            #expect(entries.map(\.action) == [.given, .withdrawn])
        }
    }

    @Test("a head makes an access request online and confirms it by the link emailed to them")
    func requestAndConfirm() async throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        try await ApiFixture.with(["ashe"]) { fixture in
            let head = try await fixture.asheHead(email: "ann.smith@example.sch.uk")
            let mail = PrivacyCentreMail(
                transport: try SMTPTransport(SMTPConfiguration(url: smtp.url)), publicURL: "http://localhost",
                sender: MailAddress("privacy@ashe.example"))
            let app = fixture.liveApp(mail: mail)
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                try await HeadlessChromium.with { browser in
                    try await browser.resize(width: 1280, height: 1000)
                    try await browser.open(base + "/privacy/ashe/request")
                    try await browser.click("input[name=kind][value=access]")
                    try await browser.type("#name", "Ann Smith")
                    try await browser.type("#email", "Ann.Smith@example.sch.uk")
                    try await browser.click("form[action='/privacy/ashe/request'] button[type=submit]")
                    #expect(try await browser.currentURL() == base + "/privacy/ashe/request/sent")
                    #expect(try await browser.text().contains("Check your email"))
                    try await Self.check(browser, "request-sent")

                    let message = try #require(try smtp.received().first)
                    #expect(message.rcptTos == ["ann.smith@example.sch.uk"])
                    let link = try #require(MailText.link(in: message.data, containing: "/request/confirm"))
                    // The emailed link, on the test server's address (in production, the server's public one).
                    let path = try #require(link.absoluteString.split(separator: "localhost").last.map(String.init))
                    try await browser.open(base + path)
                    try await Self.check(browser, "request-confirm")
                    try await browser.click("form button[type=submit]")
                    #expect(try await browser.text().contains("Your request is confirmed"))
                    try await Self.check(browser, "request-confirmed")
                }
            }
            let started = try #require(try await Requests(vault: fixture.vault("ashe")).list().first)
            #expect(started.state == .inProgress)
            #expect(started.subjectID == head)
        }
    }

    @Test(
        "a teacher registers with BEP: the shared address is warned against, then the emailed link finishes it")
    func registerAndConfirm() async throws {
        let smtp = try SMTPTestServer()
        defer { smtp.stop() }
        try await ApiFixture.with(["bep"]) { fixture in
            let vault = try await fixture.vault("bep")
            _ = try await vault.addSchool(name: "Crays Hill Primary", urn: "115001", laCode: nil, actor: "test")
            let mail = PrivacyCentreMail(
                transport: try SMTPTransport(SMTPConfiguration(url: smtp.url)), publicURL: "http://localhost",
                sender: MailAddress("cpd@bep.example"))
            let app = fixture.liveApp(mail: mail)
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                try await HeadlessChromium.with { browser in
                    try await browser.resize(width: 1280, height: 1000)
                    try await browser.open(base + "/privacy/bep/register")
                    try await Self.check(browser, "register")
                    try await browser.click("form[action='/privacy/bep/register'] button[type=submit]")
                    #expect(try await browser.title().hasPrefix("Error: "))
                    let summary = try #require(try await browser.focusedElement())
                    #expect(try await browser.elements(".error-summary").first == summary, "focus on the summary")
                    try await Self.check(browser, "register-errors")
                    // The refusal of marketing at collection: its own box, unticked, with its label beside it.
                    #expect(
                        try await browser.run(
                            "return document.querySelector('#f-choice-relationship_marketing').checked;")
                            as? Bool == false)
                    try await browser.click("#f-choice-relationship_marketing")
                    try await browser.type("#f-first_name", "Sam")
                    try await browser.type("#f-surname", "Teacher")
                    try await browser.type("#f-role", "Year 3 teacher")
                    try await browser.type("#f-email", "office@crays.example")
                    _ = try await browser.run(
                        "document.querySelector('#f-school_urn').value = '115001'; return true;")
                    try await browser.click("form[action='/privacy/bep/register'] button[type=submit]")
                    #expect(try await browser.text().contains("Is this address yours alone?"))
                    try await Self.check(browser, "register-shared-address")
                    try await browser.click("#f-shared-address")
                    try await browser.click("form[action='/privacy/bep/register'] button[type=submit]")
                    #expect(try await browser.currentURL() == base + "/privacy/bep/register/sent")

                    let message = try #require(try smtp.received().first)
                    #expect(message.rcptTos == ["office@crays.example"])
                    let link = try #require(MailText.link(in: message.data, containing: "/register/confirm"))
                    let path = try #require(link.absoluteString.split(separator: "localhost").last.map(String.init))
                    try await browser.open(base + path)
                    try await Self.check(browser, "register-confirm")
                    try await browser.click("form button[type=submit]")
                    #expect(try await browser.text().contains("You are registered"))
                    try await Self.check(browser, "registered")
                }
            }
            let index = vault.index(kind: "email", value: "office@crays.example")
            #expect(try await fixture.store.subjectIDs(forIndexes: [index], in: vault.workspace.id).count == 1)
        }
    }
}
