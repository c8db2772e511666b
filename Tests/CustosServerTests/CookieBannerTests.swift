import CustosCore
import CustosSQLite
import CustosServer
import CustosServices
import CustosTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// The cookie banner in a real headless Chromium, on the example page a website would be.
@Suite("The cookie banner", .serialized)
struct CookieBannerTests {
    static func app(_ store: SQLiteStore) -> some ApplicationProtocol {
        buildApplication(
            installation: Installation(store: store, keys: PrivacyCentreTests.keys(store)),
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0), logger: Logger(label: "custos.test"))
    }

    /// BEP's statistics cookies, which wait for consent.
    static let statistics: Set<String> = ["cT", "_utma", "_utmb", "_utmc", "_utmz"]

    /// The visitor id in the banner's consent cookie.
    static func visitor(in cookies: [String: String]) -> UUID? {
        guard let value = cookies["custos_consent"]?.removingPercentEncoding else { return nil }
        let fields = value.split(separator: ".")
        return fields.count == 3 ? UUID(uuidString: String(fields[1])) : nil
    }

    /// Waits for the banner's record of a choice to reach the store.
    static func recorded(_ store: SQLiteStore, visitor: UUID) async throws -> [CookieConsentRecord] {
        let workspace = try await store.resolveWorkspace("bep")
        for _ in 0..<50 {
            let records = try await store.cookieConsents(ofVisitor: visitor, in: workspace.id)
            if !records.isEmpty { return records }
            try await Task.sleep(for: .milliseconds(100))
        }
        return []
    }

    @Test("a BEP visitor who declines analytics cookies gets no analytics cookie; accepting later sets it")
    func declineThenAccept() async throws {
        try await PrivacyCentreTests.withStore(["bep"]) { store in
            try await Self.app(store).test(.live) { client in
                let page = "http://127.0.0.1:\(try #require(client.port))/privacy/bep/cookies/example"
                try await HeadlessChromium.with { browser in
                    try await browser.open(page)
                    #expect(try await browser.elements("section.custos-cookies").count == 1, "the banner asks")
                    let focused = try await browser.focusedElement()
                    #expect(focused == (try await browser.elements("#custos-cookies-title").first), "focus moves to it")
                    #expect(
                        Set(try await browser.cookies().keys).isDisjoint(with: Self.statistics),
                        "nothing ran before asking")

                    try await browser.click("button[data-action=reject]")
                    var cookies = try await browser.cookies()
                    #expect(Set(cookies.keys).isDisjoint(with: Self.statistics), "no analytics cookie")
                    #expect(try await browser.elements("section.custos-cookies").isEmpty, "the banner closes")
                    let visitor = try #require(Self.visitor(in: cookies))
                    let declined = try await Self.recorded(store, visitor: visitor)
                    #expect(declined.map(\.accepted) == [[]])
                    #expect(declined.first?.policyVersion == 1)

                    // The choice holds on the next page: no banner, still no analytics cookie.
                    try await browser.open(page)
                    #expect(try await browser.elements("section.custos-cookies").isEmpty)
                    #expect(Set(try await browser.cookies().keys).isDisjoint(with: Self.statistics))

                    // Changing one's mind: the settings button reopens the banner.
                    try await browser.click("button[data-custos-cookie-settings]")
                    try await browser.click("#custos-cookie-statistics")
                    try await browser.click("button[data-action=save]")
                    // The released script loads like any other: give it a moment.
                    for _ in 0..<30 {
                        cookies = try await browser.cookies()
                        if cookies["_utma"] != nil { break }
                        try await Task.sleep(for: .milliseconds(100))
                    }
                    #expect(cookies["_utma"] == "example", "the gated analytics script ran once accepted")
                    #expect(Self.visitor(in: cookies) == visitor, "the same visitor")
                    let records = try await store.cookieConsents(
                        ofVisitor: visitor, in: store.resolveWorkspace("bep").id)
                    #expect(records.map(\.accepted).last == [.statistics])

                    // And back: declining again removes the first-party analytics cookie.
                    try await browser.click("button[data-custos-cookie-settings]")
                    try await browser.click("button[data-action=reject]")
                    #expect(Set(try await browser.cookies().keys).isDisjoint(with: Self.statistics))
                }
            }
        }
    }

    @Test("with JavaScript off only strictly necessary cookies are set, and the cookie page still explains")
    func javascriptOff() async throws {
        try await PrivacyCentreTests.withStore(["bep"]) { store in
            try await Self.app(store).test(.live) { client in
                let port = try #require(client.port)
                try await HeadlessChromium.with(javascript: false) { browser in
                    try await browser.open("http://127.0.0.1:\(port)/privacy/bep/cookies/example")
                    #expect(try await browser.cookies().isEmpty)
                    try await browser.open("http://127.0.0.1:\(port)/privacy/bep/cookies")
                    #expect(try await browser.elements("table").count == 2, "strictly necessary and statistics")
                }
            }
        }
    }

    @Test("the consent endpoint refuses bad input and a stale cookie list, and records nothing")
    func badChoices() async throws {
        try await PrivacyCentreTests.withStore(["bep"]) { store in
            let fingerprint = CookieRegister(
                policy: try PolicyLoader.load(contentsOf: Repository.example("bep")).policy
            ).fingerprint
            let visitor = UUID()
            try await Self.app(store).test(.router) { client in
                let cases: [(String, HTTPResponse.Status, String)] = [
                    ("{", .badRequest, "bad_request"),
                    (
                        #"{"visitor": 5, "accepted": [], "registerFingerprint": "\#(fingerprint)"}"#, .badRequest,
                        "bad_request"
                    ),
                    (
                        #"{"visitor": "\#(visitor)", "accepted": ["marketing"], "registerFingerprint": "\#(fingerprint)"}"#,
                        .badRequest, "bad_request"
                    ),
                    (
                        #"{"visitor": "\#(visitor)", "accepted": ["strictly_necessary"], "registerFingerprint": "\#(fingerprint)"}"#,
                        .badRequest, "bad_request"
                    ),
                    (
                        #"{"visitor": "\#(visitor)", "accepted": [], "registerFingerprint": "0000"}"#, .conflict,
                        "stale_register"
                    ),
                ]
                for (body, status, code) in cases {
                    try await client.execute(
                        uri: "/privacy/bep/cookie-consents", method: .post, headers: [.contentType: "text/plain"],
                        body: ByteBuffer(string: body)
                    ) { response in
                        #expect(response.status == status, "\(body)")
                        #expect(String(buffer: response.body).contains(#""code":"\#(code)""#))
                        #expect(response.headers[.accessControlAllowOrigin] == "*")
                    }
                }
                try await client.execute(
                    uri: "/privacy/nowhere/cookie-consents", method: .post, body: ByteBuffer(string: "{}")
                ) { response in
                    #expect(response.status == .notFound)
                }
            }
            #expect(try await store.cookieConsents(ofVisitor: visitor, in: store.resolveWorkspace("bep").id).isEmpty)
        }
    }
}
