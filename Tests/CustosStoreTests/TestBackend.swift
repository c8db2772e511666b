import CustosCore
import CustosPostgres
import CustosSQLite
import CustosServices
import CustosTestSupport
import Foundation
import Logging
import Testing

@testable import CustosDeployment

/// A storage backend the contract tests run against. PostgreSQL runs when CUSTOS_TEST_POSTGRES_URL
/// names a server (scripts/test.sh starts one); with CUSTOS_REQUIRE_EXTERNAL=1 it must.
enum TestBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    static var available: [TestBackend] { PostgresTestDatabase.enabled ? allCases : [.sqlite] }

    /// Runs `body` with a store of this backend that no other test sees, and removes it after.
    func withFreshStore<Result: Sendable>(_ body: (any CustosStore) async throws -> Result) async throws -> Result {
        let logger = Logger(label: "custos.test")
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "custos-test-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            return try await StoreLocation.sqlite(directory: folder).withStore(logger: logger, body)
        case .postgres:
            return try await PostgresTestDatabase.withFreshDatabase { url in
                try await StoreLocation.postgres(url: url).withStore(logger: logger, body)
            }
        }
    }

    /// Two stores on one database, as two servers (or two processes sharing one SQLite file) see
    /// it: two SQLite stores on one folder, or two PostgreSQL clients on one database.
    func withTwinStores<Result: Sendable>(
        _ body: (any CustosStore, any CustosStore) async throws -> Result
    ) async throws -> Result {
        let logger = Logger(label: "custos.test")
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "custos-test-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let location = StoreLocation.sqlite(directory: folder)
            return try await location.withStore(logger: logger) { first in
                try await location.withStore(logger: logger) { second in try await body(first, second) }
            }
        case .postgres:
            return try await PostgresTestDatabase.withFreshDatabase { url in
                let location = StoreLocation.postgres(url: url)
                return try await location.withStore(logger: logger) { first in
                    try await location.withStore(logger: logger) { second in try await body(first, second) }
                }
            }
        }
    }

    /// Reopens the same store: the SQLite folder again, or a second client on the same database.
    func withReopenedStore(
        _ body: (_ open: () async throws -> Void, _ store: any CustosStore) async throws -> Void
    ) async throws {
        try await withFreshStore { store in
            switch store {
            case let sqlite as SQLiteStore:
                try await body({ _ = try SQLiteStore(directory: sqlite.directory) }, store)
            case let postgres as PostgresStore:
                try await body({ try await postgres.migrate() }, store)
            default:
                Issue.record("unknown store")
            }
        }
    }
}

/// Policies to store.
enum StoredPolicies {
    static func policy(named name: String = "Example", comment: String = "") throws -> LoadedPolicy {
        try PolicyLoader.load(
            yaml: """
                format: 1
                controller:
                  name: \(name) School
                  kind: school
                  public_authority: true
                  email: office@example.org.uk
                subjects: []
                record_types: []
                purposes: []
                retention: []
                # \(comment)
                """,
            fileName: "policy.yaml")
    }
}
