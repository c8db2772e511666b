import CustosCore
import CustosServer
import CustosServices
import CustosTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Casework in a real headless Chromium, as an office and a DPO do it: each page checked by
/// axe-core at desktop and phone widths and photographed into `screenshots/`.
@Suite("Casework in a browser", .serialized)
struct ConsoleCaseworkBrowserTests {
    static func check(_ browser: HeadlessChromium, _ page: String) async throws {
        try await ConsoleBrowserTests.checkAccessibility(browser, page, phone: true)
    }

    @Test("a clerk logs an emailed request from the dashboard, ties it to the head, and sends the access package")
    func clerkLogsAnEmailedRequest() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            let head = try await fixture.asheHead()
            try await fixture.user("office@ashe.example", role: .staff, in: "ashe")
            let vault = try await fixture.vault("ashe")
            try await fixture.liveApp().test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                try await HeadlessChromium.with { browser in
                    try await browser.resize(width: 1280, height: 1000)
                    try await ConsoleBrowserTests.signIn(browser, base, "office@ashe.example")
                    try await browser.click("a[href='/console/requests/new']")
                    #expect(try await browser.title() == "Log a request – Custos")
                    try await Self.check(browser, "request-new")

                    // Sent empty: the summary takes the focus, each problem linked to its question.
                    try await browser.click("form[action='/console/requests/new'] button[type=submit]")
                    #expect(try await browser.title() == "Error: Log a request – Custos")
                    #expect(try await browser.text().contains("Choose what the person asks for"))
                    let focused = try #require(try await browser.focusedElement())
                    #expect(try await browser.elements(".error-summary").first == focused, "focus on the summary")
                    try await Self.check(browser, "request-new-error")

                    try await browser.click("#f-kind-access")
                    try await browser.click("#f-channel-email")
                    try await browser.type("#f-name", "Ann Smith")
                    try await browser.type("#f-email", "ann.smith@example.sch.uk")
                    try await browser.type("#f-details", "Everything you hold about me")
                    try await browser.click("#f-for-self")
                    try await browser.click("#f-identity-checked")
                    try await browser.type("#f-identity-how", "Replied to the address on file")
                    try await browser.click("form[action='/console/requests/new'] button[type=submit]")
                    #expect(try await browser.text().contains("Request recorded."))
                    #expect(try await browser.text().contains("Everything you hold about me"))
                    try await Self.check(browser, "request-logged")

                    try await browser.type("#link-value", "ann.smith@example.sch.uk")
                    try await browser.click("form[action$='/link'] button[type=submit]")
                    #expect(try await browser.text().contains("The request is tied to the person it is about."))
                    let requestPage = try await browser.currentURL()
                        .replacingOccurrences(of: base, with: "").replacingOccurrences(of: "?done=tied", with: "")
                    let download = try await browser.runAsync(
                        """
                        const done = arguments[arguments.length - 1];
                        fetch('\(requestPage)/package.zip').then(r => done(r.status + ' ' + r.headers.get('content-type')));
                        """)
                    #expect(download as? String == "200 application/zip")
                    try await browser.click("form.step input[value=completed] ~ button")
                    #expect(try await browser.text().contains("Recorded: completed: the answer was sent."))
                    try await Self.check(browser, "request-answered")
                }
            }
            let request = try #require(try await Requests(vault: vault).list(includingClosed: true).first)
            #expect(request.subjectID == head && request.state == .completed && request.channel == .email)
        }
    }

    @Test("a DPO logs a breach, reports it to the ICO, records the people told and closes it")
    func dpoRecordsABreachToClosure() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            try await fixture.user("dpo@ashe.example", role: .dpo, in: "ashe")
            let vault = try await fixture.vault("ashe")
            try await fixture.liveApp().test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                try await HeadlessChromium.with { browser in
                    try await browser.resize(width: 1280, height: 1000)
                    try await ConsoleBrowserTests.signIn(browser, base, "dpo@ashe.example")
                    try await browser.click("nav a[href='/console/registers']")
                    try await Self.check(browser, "registers")
                    try await browser.click("a[href='/console/registers/breaches/new']")
                    try await Self.check(browser, "breach-new")
                    try await browser.type("#f-description", "A delegate list was emailed to the wrong school")
                    try await browser.click("#f-risk-high")
                    try await browser.click("#f-categories-user\\.workplace\\.school")
                    try await browser.type("#f-subjects", "40")
                    try await browser.click("form[action='/console/registers/breaches/new'] button[type=submit]")
                    #expect(try await browser.text().contains("Breach logged."))
                    #expect(try await browser.text().contains("School details"))
                    try await Self.check(browser, "breach")

                    try await browser.click("a.button[href$='/report']")
                    try await Self.check(browser, "breach-report")
                    try await browser.type("#f-reference", "ICO-00123")
                    try await browser.click("form[action$='/report'] button[type=submit]")
                    #expect(try await browser.text().contains("The report to the ICO is recorded."))
                    try await browser.click("a.button[href$='/individuals']")
                    try await browser.click("#f-told-yes")
                    try await browser.click("form[action$='/individuals'] button[type=submit]")
                    try await browser.click("a.button[href$='/close']")
                    try await Self.check(browser, "breach-close")
                    try await browser.type("#f-remediation", "Recalled the email; the school deleted it")
                    try await browser.type("#f-lessons", "Check the recipient before sending lists")
                    try await browser.click("form[action$='/close'] button[type=submit]")
                    #expect(try await browser.text().contains("The breach is closed."))
                    #expect(try await browser.text().contains("Nothing is left to do: it is closed."))
                    try await Self.check(browser, "breach-closed")
                }
            }
            let breach = try #require(try await Breaches(vault: vault).list(includingClosed: true).first)
            #expect(breach.closedOn == .today && breach.facts.icoReference == "ICO-00123")
        }
    }
}
