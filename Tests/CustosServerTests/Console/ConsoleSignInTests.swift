import CustosCore
import CustosMail
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CustosServer

@Suite("Console sign-in: sessions, lock-out, form tokens")
struct ConsoleSignInTests {
    @Test("a good password starts a session in an HttpOnly, SameSite=Strict cookie; the dashboard then opens")
    func signIn() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            try await fixture.user("dpo@bep.example", role: .dpo)
            try await fixture.consoleApp.test(.router) { client in
                let anonymous = ConsoleBrowser()
                let (status, _) = try await client.execute(uri: "/console/people", method: .get) {
                    ($0.status, $0.headers)
                }
                #expect(status == .seeOther)
                try await client.execute(uri: "/console/people", method: .get) { response in
                    #expect(response.headers[.location] == "/console/sign-in?next=%2Fconsole%2Fpeople")
                }
                #expect(try await anonymous.get(client, "/console/sign-in").0 == .ok)

                let form = "email=DPO%40bep.example&password=\(ConsoleBrowser.encoded(ApiFixture.password))"
                try await client.execute(
                    uri: "/console/sign-in", method: .post, headers: ConsoleBrowser.formType,
                    body: ByteBuffer(string: form + "&next=%2Fconsole%2Fpeople")
                ) { response in
                    #expect(response.status == .seeOther)
                    #expect(response.headers[.location] == "/console/people")
                    let cookie = try #require(response.headers[.setCookie])
                    #expect(cookie.hasPrefix("custos_console="))
                    #expect(cookie.contains("HttpOnly"))
                    #expect(cookie.contains("SameSite=Strict"))
                    #expect(cookie.contains("Path=/console"))
                    #expect(!cookie.contains("Secure"))
                }
                let browser = try await ConsoleBrowser.signIn(client, "dpo@bep.example")
                let (dashboard, page) = try await browser.get(client, "/console")
                #expect(dashboard == .ok)
                #expect(page.contains("<h1>What is due</h1>"))
                #expect(page.contains("Test dpo (data protection officer)"))
            }
            let audit = try await fixture.store.auditEntries(after: 0, limit: 1000).map(\.event.action)
            #expect(audit.filter { $0 == "user.sign_in" }.count == 2)
        }
    }

    @Test("the dashboard says so loudly when online requests cannot be confirmed for want of a sender")
    func mailBanner() async throws {
        try await ApiFixture.with(["ashe", "bep"]) { fixture in
            try await fixture.user("dpo@ashe.example", role: .dpo, in: "ashe")
            try await fixture.user("dpo@bep.example", role: .dpo, in: "bep")
            let installation = Installation(store: fixture.store, keys: fixture.keys)
            func dashboard(_ email: String, sender: MailAddress?) async throws -> String {
                let mail = PrivacyCentreMail(
                    transport: EmlFolderTransport(folder: FileManager.default.temporaryDirectory),
                    publicURL: "http://localhost", sender: sender)
                let app = buildApplication(
                    installation: installation,
                    configuration: ServerConfiguration(passwordHashing: ApiFixture.quickHashing), mail: mail,
                    logger: .init(label: "custos.test"))
                return try await app.test(.router) { client in
                    let browser = try await ConsoleBrowser.signIn(client, email)
                    return try await browser.get(client, "/console").1
                }
            }
            // ASHE takes requests online and its statement gives no email address.
            let ashe = try await dashboard("dpo@ashe.example", sender: nil)
            #expect(ashe.contains("Online requests cannot be confirmed."))
            #expect(ashe.contains("CUSTOS_MAIL_FROM"))
            #expect(
                !(try await dashboard("dpo@ashe.example", sender: MailAddress("privacy@ashe.example")))
                    .contains("Online requests cannot be confirmed."), "a server sender is enough")
            #expect(
                !(try await dashboard("dpo@bep.example", sender: nil)).contains("Online requests cannot be confirmed."))
        }
    }

    @Test("over TLS the cookie is Secure too")
    func secureCookie() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            try await fixture.user("dpo@bep.example", role: .dpo)
            let app = buildApplication(
                installation: Installation(store: fixture.store, keys: fixture.keys),
                configuration: ServerConfiguration(secureCookies: true, passwordHashing: ApiFixture.quickHashing),
                logger: .init(label: "custos.test"))
            try await app.test(.router) { client in
                let form = "email=dpo%40bep.example&password=\(ConsoleBrowser.encoded(ApiFixture.password))"
                try await client.execute(
                    uri: "/console/sign-in", method: .post, headers: ConsoleBrowser.formType,
                    body: ByteBuffer(string: form)
                ) { response in
                    #expect(response.headers[.setCookie]?.contains("Secure") == true)
                }
            }
        }
    }

    @Test(
        "a wrong password is refused without saying whether the account exists; five in a row lock it, and a locked account answers as a wrong password does"
    )
    func lockOut() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            try await fixture.user("dpo@bep.example", role: .dpo)
            try await fixture.consoleApp.test(.router) { client in
                func attempt(_ email: String, _ password: String) async throws -> (HTTPResponse.Status, String) {
                    try await client.execute(
                        uri: "/console/sign-in", method: .post, headers: ConsoleBrowser.formType,
                        body: ByteBuffer(
                            string:
                                "email=\(ConsoleBrowser.encoded(email))&password=\(ConsoleBrowser.encoded(password))")
                    ) { ($0.status, String(buffer: $0.body)) }
                }
                let (unknownStatus, unknownPage) = try await attempt("nobody@bep.example", "whatever it is here")
                let (wrongStatus, wrongPage) = try await attempt("dpo@bep.example", "not the password at all")
                #expect(unknownStatus == .unauthorized)
                #expect(wrongStatus == .unauthorized)
                for page in [unknownPage, wrongPage] {
                    #expect(page.contains("<title>Error: Sign in – Custos</title>"))
                    #expect(page.contains(##"<a href="#email">Enter a correct email address and password."##))
                    #expect(page.contains("After 5 wrong attempts in a row an account is locked for 15 minutes."))
                    #expect(page.contains(#"aria-invalid="true""#))
                }
                let (emptyStatus, emptyPage) = try await attempt("", "")
                #expect(emptyStatus == .badRequest)
                #expect(emptyPage.contains(##"<a href="#password">Enter your password</a>"##))

                for _ in 0..<3 { _ = try await attempt("dpo@bep.example", "not the password at all") }
                let (fifthStatus, fifthPage) = try await attempt("dpo@bep.example", "not the password at all")
                #expect(fifthStatus == .unauthorized)
                #expect(fifthPage == wrongPage)
                #expect(
                    try await fixture.users.user(email: "dpo@bep.example", in: fixture.workspace("bep"))
                        .isLocked(at: Date()))
                // Locked: the answer is a wrong password's, word for word, so it does not reveal the
                // account; even the right password is refused until the time passes or someone
                // unlocks it.
                let (lockedStatus, lockedPage) = try await attempt("dpo@bep.example", "not the password at all")
                #expect(lockedStatus == .unauthorized)
                #expect(lockedPage == wrongPage)
                let (rightButLocked, rightButLockedPage) = try await attempt("dpo@bep.example", ApiFixture.password)
                #expect(rightButLocked == .unauthorized)
                #expect(rightButLockedPage == wrongPage)

                let user = try await fixture.users.user(email: "dpo@bep.example", in: fixture.workspace("bep"))
                try await fixture.users.enable(user, by: "test")
                _ = try await ConsoleBrowser.signIn(client, "dpo@bep.example")
            }
            let actions = try await fixture.store.auditEntries(after: 0, limit: 1000).map(\.event.action)
            #expect(actions.filter { $0 == "user.sign_in_failed" }.count == 5)
            #expect(actions.filter { $0 == "user.locked" }.count == 1)
            #expect(actions.filter { $0 == "user.sign_in_refused" }.count == 2)
        }
    }

    @Test("a disabled user is told so only with the right password; disabling and new passwords end sessions")
    func sessionsEnd() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            let dpo = try await fixture.user("dpo@bep.example", role: .dpo)
            try await fixture.consoleApp.test(.router) { client in
                let browser = try await ConsoleBrowser.signIn(client, "dpo@bep.example")
                #expect(try await browser.get(client, "/console").0 == .ok)
                try await fixture.users.setPassword("another long passphrase", for: dpo, by: "test")
                #expect(try await browser.get(client, "/console").0 == .seeOther)

                let again = try await ConsoleBrowser.signIn(
                    client, "dpo@bep.example", password: "another long passphrase")
                #expect(try await again.get(client, "/console").0 == .ok)
                try await fixture.users.disable(
                    try await fixture.users.user(email: "dpo@bep.example", in: fixture.workspace("bep")), by: "test")
                #expect(try await again.get(client, "/console").0 == .seeOther)
                try await client.execute(
                    uri: "/console/sign-in", method: .post, headers: ConsoleBrowser.formType,
                    body: ByteBuffer(string: "email=dpo%40bep.example&password=another+long+passphrase")
                ) { response in
                    #expect(response.status == .forbidden)
                    #expect(String(buffer: response.body).contains("This account has been disabled."))
                }
            }
        }
    }

    @Test("forms need the session's token and this site's origin; signing out ends the session")
    func formTokens() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            try await fixture.user("dpo@bep.example", role: .dpo)
            try await fixture.consoleApp.test(.router) { client in
                let browser = try await ConsoleBrowser.signIn(client, "dpo@bep.example")
                let token = try await browser.formToken(client)
                #expect(token.count == 43)
                #expect(try await browser.post(client, "/console/sign-out", token: nil).0 == .forbidden)
                // One character changed (never to itself: a token may start with "x").
                let altered = (token.first == "x" ? "y" : "x") + token.dropFirst()
                #expect(try await browser.post(client, "/console/sign-out", token: altered).0 == .forbidden)
                #expect(
                    try await browser.post(
                        client, "/console/sign-out", token: token, headers: [.origin: "https://evil.example"]
                    ).0 == .forbidden)
                #expect(
                    try await browser.post(
                        client, "/console/sign-out", token: token,
                        headers: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"]
                    ).0 == .forbidden)
                #expect(try await browser.get(client, "/console").0 == .ok)

                let (status, headers) = try await browser.post(client, "/console/sign-out", token: token)
                #expect(status == .seeOther)
                #expect(headers[.location] == "/console/sign-in?signed-out")
                #expect(try await browser.get(client, "/console").0 == .seeOther)
                #expect(try await browser.get(client, "/console/sign-in?signed-out").1.contains("You have signed out."))
                // A cross-site sign-in form is refused before any password is checked.
                try await client.execute(
                    uri: "/console/sign-in", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .origin: "https://evil.example"],
                    body: ByteBuffer(string: "email=dpo%40bep.example&password=x")
                ) { #expect($0.status == .forbidden) }
            }
        }
    }

    @Test("a sign-in returns only to a console page, never to another site")
    func safeReturn() {
        #expect(ConsoleSignInGate.safeReturn("/console/people/1") == "/console/people/1")
        #expect(ConsoleSignInGate.safeReturn("https://evil.example/console") == nil)
        #expect(ConsoleSignInGate.safeReturn("//evil.example") == nil)
        #expect(ConsoleSignInGate.safeReturn("/privacy/bep") == nil)
        #expect(ConsoleSignInGate.safeReturn(nil) == nil)
    }
}
