import CustosCore
import CustosServer
import CustosServices
import CustosTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// The console in a real headless Chromium: signing in, finding a person, signing out, each page
/// checked by axe-core and photographed into `screenshots/` (which the README points to).
@Suite("The console in a browser", .serialized)
struct ConsoleBrowserTests {
    static let screenshots = Repository.root.appendingPathComponent("screenshots", isDirectory: true)

    /// Checks the page with axe-core: no serious or critical violation of WCAG 2.2 A or AA; with
    /// `phone`, at a 390-pixel phone's width as well (photographed as `…-phone.png`), then back.
    static func checkAccessibility(
        _ browser: HeadlessChromium, _ page: String, phone: Bool = false,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws {
        let serious = try await browser.accessibilityViolations().filter(\.isSerious)
        #expect(serious.isEmpty, "\(page): \(serious)", sourceLocation: sourceLocation)
        try await browser.screenshot(to: screenshots.appendingPathComponent("console-\(page).png"))
        guard phone else { return }
        try await browser.resize(width: 390, height: 844)
        let onPhone = try await browser.accessibilityViolations().filter(\.isSerious)
        #expect(onPhone.isEmpty, "\(page) at 390 px: \(onPhone)", sourceLocation: sourceLocation)
        try await browser.screenshot(to: screenshots.appendingPathComponent("console-\(page)-phone.png"))
        try await browser.resize(width: 1280, height: 1000)
    }

    /// Signs in on the sign-in page as `email`, with the fixtures' password.
    static func signIn(_ browser: HeadlessChromium, _ base: String, _ email: String) async throws {
        try await browser.open(base + "/console/sign-in")
        try await browser.type("#email", email)
        try await browser.type("#password", ApiFixture.password)
        try await browser.click("form[action='/console/sign-in'] button[type=submit]")
    }

    @Test(
        "a DPO signs in, finds a person by name and by email, runs their access request to completion with its package, and signs out"
    )
    func signInFindSignOut() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            _ = try await fixture.school("Basildon Academy", urn: "100001")
            let person = try await fixture.bepUser(urn: "100001", first: "Jo", surname: "Bloggs")
            let request = try await Requests(vault: fixture.vault("bep")).open(
                RequestIntake(kind: .access, subjectID: person, channel: .email, receivedOn: .today), actor: "test")
            try await fixture.user("dpo@bep.example", role: .dpo)
            let app = fixture.liveApp()
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                try await HeadlessChromium.with { browser in
                    try await browser.resize(width: 1280, height: 1000)
                    try await browser.open(base + "/console/people")
                    #expect(try await browser.currentURL() == base + "/console/sign-in?next=%2Fconsole%2Fpeople")
                    try await Self.checkAccessibility(browser, "sign-in")

                    try await browser.click("form[action='/console/sign-in'] button[type=submit]")
                    #expect(try await browser.title() == "Error: Sign in – Custos")
                    #expect(try await browser.text().contains("Enter your email address"))
                    try await Self.checkAccessibility(browser, "sign-in-error")

                    try await browser.type("#email", "dpo@bep.example")
                    try await browser.type("#password", ApiFixture.password)
                    try await browser.click("form[action='/console/sign-in'] button[type=submit]")
                    #expect(try await browser.currentURL() == base + "/console/people")
                    #expect(try await browser.cookies()["custos_console"] != nil)
                    #expect(
                        try await browser.run("return document.cookie;") as? String == "",
                        "the session cookie is HttpOnly")

                    // By name: the results name each person.
                    try await browser.type("#value", "bloggs JO")
                    try await browser.click("form.search button[type=submit]")
                    #expect(
                        try await browser.elements("a[href='/console/people/\(person.uuidString.lowercased())']").count
                            == 1)
                    #expect(try await browser.text().contains("Jo Bloggs"))
                    try await Self.checkAccessibility(browser, "people-by-name", phone: true)

                    // By an exact identifier.
                    try await browser.open(base + "/console/people")
                    try await browser.click("#kind option[value=email]")
                    try await browser.type("#value", "user100001@example.sch.uk")
                    try await browser.click("form.search button[type=submit]")
                    #expect(
                        try await browser.currentURL() == base + "/console/people",
                        "the identifier searched for stays out of the address")
                    #expect(
                        try await browser.elements("a[href='/console/people/\(person.uuidString.lowercased())']").count
                            == 1)
                    try await Self.checkAccessibility(browser, "people")
                    try await browser.click("a[href='/console/people/\(person.uuidString.lowercased())']")
                    let page = try await browser.text()
                    #expect(page.contains("user100001@example.sch.uk"))
                    #expect(page.contains("Your opening this page is recorded in the audit log."))
                    try await Self.checkAccessibility(browser, "person")

                    // The person's access request, from their page, walked to completion.
                    let requestPage = "/console/requests/\(request.id.uuidString.lowercased())"
                    try await browser.click("a[href='\(requestPage)']")
                    #expect(try await browser.text().contains("awaiting verification"))
                    try await Self.checkAccessibility(browser, "request")
                    try await browser.click("form.step input[value=verified] ~ button")
                    #expect(try await browser.text().contains("Recorded: identity verified."))
                    // The package downloads with the session, as the link does.
                    let download = try await browser.runAsync(
                        """
                        const done = arguments[arguments.length - 1];
                        fetch('\(requestPage)/package.zip').then(r => r.arrayBuffer().then(b =>
                          done(r.status + ' ' + r.headers.get('content-type') + ' ' + new Uint8Array(b).slice(0, 2).join(','))));
                        """)
                    #expect(download as? String == "200 application/zip 80,75", "a zip file (PK)")
                    try await browser.click("form.step input[value=completed] ~ button")
                    #expect(try await browser.text().contains("No further steps: the request is closed."))
                    try await Self.checkAccessibility(browser, "request-completed")

                    try await browser.click("a[href='/console/requests']")
                    try await Self.checkAccessibility(browser, "requests")

                    try await browser.click("a[href='/console/registers']")
                    #expect(try await browser.text().contains("No breaches recorded."))
                    try await Self.checkAccessibility(browser, "registers")

                    try await browser.click("a[href='/console/records/new']")
                    try await browser.click("a[href='/console/records/new?type=registered_user']")
                    #expect(try await browser.text().contains("If it is not given: We cannot create your account."))
                    try await Self.checkAccessibility(browser, "record-form")
                    try await browser.click("form[action='/console/records/new'] button[type=submit]")
                    #expect(try await browser.title().hasPrefix("Error: Add: "))
                    try await Self.checkAccessibility(browser, "record-form-errors")

                    try await browser.click("a[href='/console/policy']")
                    #expect(try await browser.text().contains("What the linter finds"))
                    try await Self.checkAccessibility(browser, "policy")

                    try await browser.click("a[href='/console/audit']")
                    #expect(try await browser.text().contains("The log is intact."))
                    try await Self.checkAccessibility(browser, "audit")

                    try await browser.click("a[href='/console/tokens']")
                    try await browser.type("#token-name", "MIS sync")
                    try await browser.click("form[action='/console/tokens'] button[type=submit]")
                    #expect(try await browser.elements("#new-token").count == 1)
                    try await Self.checkAccessibility(browser, "tokens")

                    try await browser.click("a[href='/console']")
                    #expect(try await browser.title() == "What is due – Custos")
                    try await Self.checkAccessibility(browser, "dashboard")

                    // Readable on a phone: nothing wider than the screen.
                    try await browser.resize(width: 390, height: 844)
                    let fits = try await browser.run(
                        "return document.documentElement.scrollWidth <= window.innerWidth;")
                    #expect(fits as? Bool == true)
                    try await browser.screenshot(
                        to: Self.screenshots.appendingPathComponent("console-dashboard-phone.png"))

                    try await browser.click("form.sign-out button[type=submit]")
                    #expect(try await browser.currentURL() == base + "/console/sign-in?signed-out")
                    #expect(try await browser.text().contains("You have signed out."))
                    try await browser.open(base + "/console")
                    #expect(try await browser.currentURL() == base + "/console/sign-in")
                }
            }
        }
    }

    @Test("a Hutton DPO sets up an authenticator app at first sign-in, in the browser")
    func secondFactorSetUp() async throws {
        try await ApiFixture.with(["hutton"]) { fixture in
            try await fixture.user("dpo@hutton.example", role: .dpo, in: "hutton")
            let app = fixture.liveApp()
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                try await HeadlessChromium.with { browser in
                    try await browser.resize(width: 1280, height: 1000)
                    try await Self.signIn(browser, base, "dpo@hutton.example")
                    let shown = try await browser.text()
                    #expect(try await browser.currentURL() == base + "/console/sign-in/enrol", "\(shown)")
                    try await Self.checkAccessibility(browser, "two-factor-set-up")

                    let html = try await browser.run("return document.documentElement.outerHTML;") as? String ?? ""
                    let secret = try ConsoleSecondFactorTests.secret(fromSetupPage: html)
                    try await browser.type("#code", SecondFactors.code(secret: secret))
                    try await browser.click("form[action='/console/sign-in/enrol'] button[type=submit]")
                    #expect(try await browser.currentURL() == base + "/console")
                    #expect(try await browser.title() == "What is due – Custos")
                }
            }
        }
    }

    @Test("a BEP head authorises a colleague's CPD request from their school's page, in the browser")
    func schoolLeaderAuthorises() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            let school = try await fixture.school("Basildon Academy", urn: "100001")
            _ = try await fixture.bepUser(urn: "100001")
            _ = try await fixture.cpdRequest(by: "user100001@example.sch.uk", course: "Phonics refresher")
            // The head's authorisation joins their own record.
            _ = try await fixture.bepUser(urn: "100001", email: "head@basildon.example")
            try await fixture.user("head@basildon.example", role: .schoolLeader, school: school)
            let app = fixture.liveApp()
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                try await HeadlessChromium.with { browser in
                    try await browser.resize(width: 1280, height: 1000)
                    try await Self.signIn(browser, base, "head@basildon.example")
                    try await browser.click("nav a[href='/console/school']")
                    #expect(try await browser.text().contains("Phonics refresher"))
                    try await Self.checkAccessibility(browser, "school")
                    try await browser.click("form[action$='/authorise'] button[type=submit]")
                    #expect(try await browser.currentURL() == base + "/console/school?authorised")
                    #expect(try await browser.text().contains("Nothing is waiting for you."))
                    try await Self.checkAccessibility(browser, "school-authorised")
                }
            }
        }
    }

    @Test("office staff import a CSV file from the console and read its report, in the browser")
    func importFile() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            _ = try await fixture.school("Crays Hill Primary", urn: "100001")
            try await fixture.user("office@bep.example", role: .staff)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("custos-browser-\(UUID()).csv")
            try ConsoleImportTests.csv.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let app = fixture.liveApp()
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                try await HeadlessChromium.with { browser in
                    try await browser.resize(width: 1280, height: 1000)
                    try await Self.signIn(browser, base, "office@bep.example")
                    try await browser.open(base + "/console/imports")
                    try await Self.checkAccessibility(browser, "imports")
                    try await browser.type("#import-file", file.path)
                    try await browser.click("form[action='/console/imports'] button[type=submit]")
                    var text = try await browser.text()
                    for _ in 0..<50 where !text.contains("Records added") {
                        try await Task.sleep(for: .milliseconds(200))
                        text = try await browser.text()
                    }
                    #expect(text.contains("Records added"))
                    #expect(try await browser.elements("a[href$='/problems.csv']").count == 1)
                    try await Self.checkAccessibility(browser, "import-report")
                }
            }
        }
    }

    @Test("office staff correct a head's record, then erase another's, from the request pages, in the browser")
    func carryOutRequests() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let vault = try await fixture.vault("ashe")
            let requests = Requests(vault: vault)
            let rectification = try await requests.open(
                RequestIntake(
                    kind: .rectification, subjectID: try await fixture.asheHead(), channel: .email,
                    receivedOn: .today, identityShown: true), actor: "test")
            let erasure = try await requests.open(
                RequestIntake(
                    kind: .erasure, subjectID: try await fixture.asheHead(email: "b@example.sch.uk"), channel: .email,
                    receivedOn: .today, identityShown: true), actor: "test")
            try await fixture.user("office@ashe.example", role: .staff, in: "ashe")
            let app = fixture.liveApp()
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                try await HeadlessChromium.with { browser in
                    try await browser.resize(width: 1280, height: 1000)
                    try await Self.signIn(browser, base, "office@ashe.example")
                    try await browser.open(base + "/console/requests/\(rectification.id.uuidString.lowercased())")
                    try await Self.checkAccessibility(browser, "request-rectification")
                    let nameField = try #require(
                        try await browser.run(
                            "return document.querySelector('input[name=\"field-name\"]').id;") as? String)
                    _ = try await browser.run(
                        "document.getElementById('\(nameField)').value = ''; return true;")
                    try await browser.type("#\(nameField)", "Ann Smyth")
                    try await browser.click("#\(nameField) ~ button[type=submit]")
                    #expect(try await browser.text().contains("Recorded: completed: the answer was sent."))

                    try await browser.open(base + "/console/requests/\(erasure.id.uuidString.lowercased())")
                    #expect(try await browser.text().contains("Carry it out"))
                    try await Self.checkAccessibility(browser, "request-erasure")
                    try await browser.click("select#erasure-ground ~ p button[type=submit]")
                    // Nothing is erased until what goes is checked.
                    #expect(try await browser.text().contains("Check what will be erased"))
                    try await Self.checkAccessibility(browser, "request-erasure-check")
                    try await browser.click("input[name=confirmed] ~ button[type=submit]")
                    #expect(try await browser.text().contains("Recorded: completed: the answer was sent."))
                }
            }
            #expect(try await fixture.store.request(erasure.id, in: vault.workspace.id)?.state == .completed)
            #expect(try await fixture.store.request(rectification.id, in: vault.workspace.id)?.state == .completed)
        }
    }
}
