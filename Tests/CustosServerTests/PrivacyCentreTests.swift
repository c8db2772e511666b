import CustosCore
import CustosSQLite
import CustosServer
import CustosServices
import CustosTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import InMemoryLogging
import Logging
import Testing

@Suite("The privacy centre")
struct PrivacyCentreTests {
    static func policy(_ name: String) throws -> LoadedPolicy {
        try PolicyLoader.load(contentsOf: Repository.example(name))
    }

    /// A store in a temporary folder with the given examples as workspaces.
    static func withStore(_ names: [String], _ body: (SQLiteStore) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("custos-server-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(directory: folder)
        for name in names {
            let loaded = try policy(name)
            _ = try await store.createWorkspace(
                name: name, title: loaded.policy.controller.name ?? name, policy: loaded, by: "test", at: Date())
        }
        try await body(store)
    }

    static func app(_ store: SQLiteStore) -> some ApplicationProtocol {
        buildApplication(
            installation: Installation(store: store, keys: keys(store)), logger: Logger(label: "custos.test"))
    }

    /// The master keys of a store's temporary folder.
    static func keys(_ store: SQLiteStore) -> MasterKeySource {
        MasterKeySource(fileURL: store.directory.appendingPathComponent("master.key"), environment: [:])
    }

    @Test("the notice of each workspace is served as HTML, rendered from its policy")
    func noticeHTML() async throws {
        try await Self.withStore(["ashe", "hutton"]) { store in
            try await Self.app(store).test(.router) { client in
                try await client.execute(uri: "/privacy/hutton", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    let body = String(buffer: response.body)
                    #expect(body.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
                    #expect(body.contains("Hutton All Saints&#39; Church of England Primary School"))
                    #expect(body.contains("<h2 id=\"pupil\">Pupils</h2>"))
                    #expect(body.contains("<link rel=\"stylesheet\" href=\"/assets/notice.css\">"))
                    #expect(!body.contains("Association of Secondary Headteachers"), "one workspace's notice only")
                }
                try await client.execute(uri: "/privacy/ashe/notice.md", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/markdown; charset=utf-8")
                    #expect(
                        String(buffer: response.body).hasPrefix(
                            "# Privacy statement\n\nAssociation of Secondary Headteachers in Essex"))
                }
            }
        }
    }

    @Test("pages carry a strict content security policy, and the stylesheet is served")
    func securityHeaders() async throws {
        try await Self.withStore(["bep"]) { store in
            try await Self.app(store).test(.router) { client in
                try await client.execute(uri: "/privacy/bep", method: .get) { response in
                    let policy = try #require(response.headers[.contentSecurityPolicy])
                    #expect(policy.contains("default-src 'self'"))
                    #expect(policy.contains("frame-ancestors 'none'"))
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                }
                try await client.execute(uri: "/assets/notice.css", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                    #expect(String(buffer: response.body).contains("a:focus"))
                }
            }
        }
    }

    @Test("a new policy version shows at once: the notice follows the version in force")
    func followsNewVersions() async throws {
        try await Self.withStore(["ashe"]) { store in
            try await Self.app(store).test(.router) { client in
                let before = try await client.execute(uri: "/privacy/ashe", method: .get) { String(buffer: $0.body) }
                #expect(!before.contains("Updated for the test"))
                let edited = try PolicyLoader.load(
                    yaml: try Self.policy("ashe").source.replacingOccurrences(
                        of: "title: Privacy statement", with: "title: Updated for the test"),
                    fileName: "ashe.yaml")
                let workspace = try #require(try await store.workspace(named: "ashe"))
                _ = try await store.recordPolicyVersion(edited, in: workspace, by: "test", at: Date())
                let after = try await client.execute(uri: "/privacy/ashe", method: .get) { String(buffer: $0.body) }
                #expect(after.contains("<h1>Updated for the test</h1>"))
                // The version in force and since when, as people read it; no fingerprint.
                let (year, month, day) = CalendarDay.today.components
                let months = [
                    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                    "November", "December",
                ]
                #expect(after.contains("Policy version 2, in force from \(day) \(months[month - 1]) \(year)."))
                #expect(!after.contains("sha256:"))
            }
        }
    }

    @Test("an unknown workspace is a 404 that reveals nothing")
    func unknownWorkspace() async throws {
        try await Self.withStore(["ashe"]) { store in
            try await Self.app(store).test(.router) { client in
                for uri in ["/privacy/nobody", "/privacy/nobody/notice.md", "/privacy/ASHE", "/privacy/ashe/../hutton"]
                {
                    try await client.execute(uri: uri, method: .get) { response in
                        #expect(response.status == .notFound, "\(uri)")
                        #expect(!String(buffer: response.body).contains("Association"))
                    }
                }
            }
        }
    }

    @Test("request logs give method, path and status, never the query string")
    func requestLogs() async throws {
        let handler = InMemoryLogHandler()
        let logger = Logger(label: "custos.test", factory: { _ in handler })
        try await Self.withStore(["ashe"]) { store in
            let app = buildApplication(installation: Installation(store: store, keys: Self.keys(store)), logger: logger)
            try await app.test(.router) { client in
                try await client.execute(uri: "/privacy/ashe?token=SECRET-TOKEN&email=parent@example.org", method: .get)
                { _ in }
                try await client.execute(uri: "/privacy/nobody?email=parent@example.org", method: .get) { _ in }
            }
        }
        let requests = handler.entries.filter { $0.message == "request" }
        #expect(requests.map { $0.metadata["path"]?.description } == ["/privacy/ashe", "/privacy/nobody"])
        #expect(requests.map { $0.metadata["status"]?.description } == ["200", "404"])
        let everything = handler.entries.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        #expect(!everything.contains("SECRET-TOKEN"))
        #expect(!everything.contains("parent@example.org"))
    }

    @Test("the home page lists every workspace's notice, and the health and readiness checks answer")
    func homeAndHealth() async throws {
        try await Self.withStore(["asset", "west-herts"]) { store in
            _ = try Self.keys(store).createIfAbsent()
            try await Self.app(store).test(.router) { client in
                try await client.execute(uri: "/", method: .get) { response in
                    let body = String(buffer: response.body)
                    #expect(body.contains("<a href=\"/privacy/asset\">Stat Solutions Ltd</a>"))
                    #expect(body.contains("<a href=\"/privacy/west-herts\">West Herts Teaching School</a>"))
                }
                try await client.execute(uri: "/healthz", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
                }
                try await client.execute(uri: "/readyz", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.cacheControl] == "no-store")
                    let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                    #expect(body?["status"] as? String == "ready")
                    let checks = body?["checks"] as? [String: [String: Any]]
                    #expect(checks?.keys.sorted() == ["database", "keys", "migrations"])
                    #expect(checks?["keys"]?["detail"] as? String == "1 master key, opening 2 workspaces")
                }
            }
        }
    }
}

@Suite("The notice's versions")
struct NoticeVersionsTests {
    @Test("the notice links its versions; each says when it took effect and what changed from the one before")
    func versions() async throws {
        try await PrivacyCentreTests.withStore(["asset"]) { store in
            let workspace = try await store.resolveWorkspace("asset")
            let text = try String(contentsOf: Repository.example("asset"), encoding: .utf8)
            let changed = text.replacingOccurrences(
                of: "    recipients: [consultants]\n", with: "    recipients: [consultants, mailchimp]\n")
            #expect(changed != text)
            _ = try await store.recordPolicyVersion(
                try PolicyLoader.load(yaml: changed, fileName: "asset.yaml"), in: workspace, by: "test", at: Date())
            try await PrivacyCentreTests.app(store).test(.router) { client in
                try await client.execute(uri: "/privacy/asset", method: .get) { response in
                    #expect(
                        String(buffer: response.body).contains(
                            #"<a href="/privacy/asset/versions">Earlier versions, and what changed</a>"#))
                }
                try await client.execute(uri: "/privacy/asset/versions", method: .get) { response in
                    #expect(response.status == .ok)
                    let page = String(buffer: response.body)
                    #expect(page.contains("<h2 id=\"version-2\">Version 2 (in force)</h2>"))
                    #expect(
                        page.contains(
                            "<li>For preparing courses and demonstrations, we now share information with Mailchimp (mailing software).</li>"
                        ))
                    #expect(page.contains("The first version."))
                    let second = try #require(page.range(of: "version-2"))
                    let first = try #require(page.range(of: "version-1"))
                    #expect(second.lowerBound < first.lowerBound, "newest first")
                }
            }
        }
    }
}
