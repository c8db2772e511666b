import CustosCore
import CustosSQLite
import CustosServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import CustosServer

/// What every response carries, and how the server answers what it will not take.
@Suite("HTTP hygiene")
struct HTTPHygieneTests {
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!

    func expectSecurityHeaders(_ response: TestResponse, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(
            response.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true,
            sourceLocation: sourceLocation)
        #expect(response.headers[.xContentTypeOptions] == "nosniff", sourceLocation: sourceLocation)
        #expect(response.headers[Self.referrerPolicy] == "no-referrer", sourceLocation: sourceLocation)
    }

    @Test(
        "error pages carry the security headers; a body over the limit is a 413 with a JSON error on the API and a page elsewhere"
    )
    func errorsAndLimits() async throws {
        try await ApiFixture.with(["bep", "ashe"]) { fixture in
            let token = try await fixture.token("bep", role: .dpo)
            try await fixture.consoleApp.test(.router) { client in
                try await client.execute(uri: "/no/such/page", method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(String(buffer: response.body).contains("<h1>Page not found</h1>"))
                    expectSecurityHeaders(response)
                }
                try await client.execute(uri: "/privacy/bep", method: .get) { response in
                    #expect(response.status == .ok)
                    expectSecurityHeaders(response)
                }
                let big = String(repeating: "x", count: 300 * 1024)
                try await client.execute(
                    uri: "/api/v1/contact-decisions", method: .post,
                    headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                    body: ByteBuffer(string: #"{"subject": "\#(big)"}"#)
                ) { response in
                    #expect(response.status == .contentTooLarge)
                    #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                    #expect(String(buffer: response.body).contains("payload_too_large"))
                    expectSecurityHeaders(response)
                }
                try await client.execute(
                    uri: "/privacy/ashe/request", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "name=" + big)
                ) { response in
                    #expect(response.status == .contentTooLarge)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(String(buffer: response.body).contains("larger than this page takes"))
                    expectSecurityHeaders(response)
                }
            }
        }
    }

    @Test("the sign-in limit per address holds across servers; behind a trusted proxy each client is counted apart")
    func signInLimitAcrossServers() async throws {
        try await ApiFixture.with(["bep"]) { fixture in
            try await fixture.user("dpo@bep.example", role: .dpo)
            let limit = AttemptLimits.Limit.signInPerAddress.count
            let app = Self.app
            let attempt = Self.attempt
            try await app(fixture, []).test(.live) { first in
                try await app(fixture, []).test(.live) { second in
                    try await app(fixture, ["127.0.0.0/8"]).test(.live) { proxied in
                        for index in 0..<limit {
                            let status =
                                index % 2 == 0 ? try await attempt(first, nil) : try await attempt(second, nil)
                            #expect(status == .unauthorized)
                        }
                        // Both servers count one budget: the next attempt is refused on either.
                        #expect(try await attempt(first, nil) == .tooManyRequests)
                        #expect(try await attempt(second, nil) == .tooManyRequests)
                        // A client's own X-Forwarded-For is not believed by a server that trusts no proxy…
                        #expect(try await attempt(second, "203.0.113.7") == .tooManyRequests)
                        // …but behind a trusted proxy each client has its own budget.
                        #expect(try await attempt(proxied, "203.0.113.7") == .unauthorized)
                        #expect(try await attempt(proxied, "203.0.113.7, 127.0.0.1") == .unauthorized)
                        #expect(try await attempt(proxied, nil) == .tooManyRequests, "the proxy's own address")
                    }
                }
            }
        }
    }

    @Sendable static func app(_ fixture: ApiFixture, trusting proxies: [String]) throws -> some ApplicationProtocol {
        buildApplication(
            installation: Installation(store: fixture.store, keys: fixture.keys),
            configuration: ServerConfiguration(
                host: "127.0.0.1", port: 0, passwordHashing: ApiFixture.quickHashing,
                trustedProxies: try TrustedProxies(proxies)),
            logger: Logger(label: "custos.test"))
    }

    /// A wrong sign-in, as from `forwardedFor` when given.
    @Sendable static func attempt(
        _ client: any TestClientProtocol, forwardedFor: String?
    ) async throws
        -> HTTPResponse.Status
    {
        var headers = ConsoleBrowser.formType
        if let forwardedFor { headers[HTTPField.Name("X-Forwarded-For")!] = forwardedFor }
        return try await client.execute(
            uri: "/console/sign-in", method: .post, headers: headers,
            body: ByteBuffer(string: "email=nobody%40bep.example&password=wrong")
        ) { $0.status }
    }

    @Test(
        "the request form takes 3 requests naming one address in an hour, then says when to try again and keeps nothing"
    )
    func publicFormLimit() async throws {
        try await ApiFixture.with(["ashe"]) { fixture in
            try await fixture.consoleApp.test(.router) { client in
                func send(_ email: String) async throws -> (HTTPResponse.Status, HTTPFields, String) {
                    try await client.execute(
                        uri: "/privacy/ashe/request", method: .post,
                        headers: [.contentType: "application/x-www-form-urlencoded"],
                        body: RequestFormTests.encoded([("kind", "access"), ("name", "Ann Smith"), ("email", email)])
                    ) { ($0.status, $0.headers, String(buffer: $0.body)) }
                }
                for _ in 0..<3 { #expect(try await send("ann.smith@example.sch.uk").0 == .seeOther) }
                let vault = try await fixture.vault("ashe")
                let held = try await Requests(vault: vault).list(includingClosed: true).count
                let (status, headers, page) = try await send("Ann.Smith@example.sch.uk")
                #expect(status == .tooManyRequests)
                #expect(headers[.retryAfter] == "3600")
                #expect(page.contains("Try again in 60 minutes"))
                #expect(try await Requests(vault: vault).list(includingClosed: true).count == held, "nothing kept")
                // Another person's address is still taken.
                #expect(try await send("bob.jones@example.sch.uk").0 == .seeOther)
            }
        }
    }

    @Test("trusted proxies are addresses or IPv4 ranges; anything else is refused by name")
    func trustedProxies() throws {
        let proxies = try TrustedProxies(["10.0.0.0/8", "192.0.2.1", "::1"])
        #expect(proxies.contains("10.1.2.3"))
        #expect(!proxies.contains("11.0.0.1"))
        #expect(proxies.contains("192.0.2.1"))
        #expect(proxies.contains("::1"))
        #expect(!proxies.contains("203.0.113.7"))
        #expect(throws: TrustedProxyError.self) { try TrustedProxies(["proxy.internal"]) }
        #expect(throws: TrustedProxyError.self) { try TrustedProxies(["10.0.0.0/33"]) }
    }

    @Test("SQLite's database, -wal and -shm files are readable by their owner only")
    func sqliteFileModes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("custos-modes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(directory: folder)
        _ = store
        let path = folder.appendingPathComponent(SQLiteStore.fileName).path
        for file in [path, path + "-wal", path + "-shm"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(file)")
        }
    }
}
