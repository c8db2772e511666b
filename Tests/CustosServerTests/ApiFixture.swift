import CustosCore
import CustosSQLite
import CustosServices
import CustosTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import CustosServer

/// A SQLite store in a temporary folder with example workspaces, a master key, and the API
/// application over it.
struct ApiFixture {
    let store: SQLiteStore
    let keys: MasterKeySource

    /// Runs `body` with a fresh fixture holding the given examples as workspaces.
    static func with(_ examples: [String], _ body: (ApiFixture) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("custos-api-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteStore(directory: folder)
        let keys = MasterKeySource(fileURL: folder.appendingPathComponent("master.key"), environment: [:])
        try keys.createIfAbsent()
        for name in examples {
            let loaded = try PolicyLoader.load(contentsOf: Repository.example(name))
            _ = try await store.createWorkspace(name: name, title: name, policy: loaded, by: "test", at: Date())
        }
        try await body(ApiFixture(store: store, keys: keys))
    }

    var app: some ApplicationProtocol {
        buildApplication(installation: Installation(store: store, keys: keys), logger: Logger(label: "custos.test"))
    }

    func workspace(_ name: String) async throws -> Workspace {
        try await store.resolveWorkspace(name)
    }

    func vault(_ name: String) async throws -> Vault {
        try await Vault.open(store: store, workspace: workspace(name), keys: keys)
    }

    /// Writes an ASHE head through the vault; returns their subject id.
    func asheHead(email: String = "ann.smith@example.sch.uk") async throws -> UUID {
        let vault = try await vault("ashe")
        let type = try #require(vault.policy.recordType("member_contact"))
        let outcome = try await vault.write(
            RecordInput(
                type: type,
                values: ["name": "Ann Smith", "school_address": "1 High Street", "head_email": email],
                source: .person),
            actor: "test")
        guard case .created(_, let subjects, _) = outcome else { throw FixtureFailure() }
        return try #require(subjects["head"])
    }

    struct FixtureFailure: Error {}

    /// A live token's bearer string.
    func token(_ workspace: String, role: StaffRole, school: UUID? = nil, name: String = "test") async throws -> String
    {
        try await AccessTokens(store: store).issue(
            name: name, role: role, schoolID: school, in: self.workspace(workspace), by: "test", makerRole: nil
        ).bearer
    }
}

extension TestClientProtocol {
    /// Calls the API with a token and an optional JSON body, and decodes the JSON answer.
    @discardableResult
    func api(
        _ method: HTTPRequest.Method, _ path: String, token: String?, json: String? = nil, purpose: String? = nil,
        headers extra: [String: String] = [:], expect status: HTTPResponse.Status,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws -> [String: Any] {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let purpose { headers[HTTPField.Name("Custos-Purpose")!] = purpose }
        for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(
            uri: "/api/v1" + path, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) }
        ) { response in
            let body = String(buffer: response.body)
            #expect(response.status == status, "\(method) \(path): \(body)", sourceLocation: sourceLocation)
            #expect(
                response.headers[.contentType] == "application/json; charset=utf-8", sourceLocation: sourceLocation)
            return try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] ?? [:]
        }
    }
}

extension Dictionary where Key == String, Value == Any {
    /// The value at a path of keys, e.g. `["error", "code"]`.
    subscript(path keys: String...) -> Any? {
        var current: Any? = self
        for key in keys { current = (current as? [String: Any])?[key] }
        return current
    }
}
