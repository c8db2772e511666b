import CustosPostgres
import CustosServices
import Foundation
import Logging
import PostgresNIO

/// A PostgreSQL database of its own for one test, on the server scripts/test.sh starts
/// (CUSTOS_TEST_POSTGRES_URL names it; CUSTOS_REQUIRE_EXTERNAL=1 says it must be there).
public enum PostgresTestDatabase {
    /// The administrator's URL, if a server is configured.
    public static var adminURL: String? { ProcessInfo.processInfo.environment["CUSTOS_TEST_POSTGRES_URL"] }

    /// Whether PostgreSQL tests run: when a server is configured, or when one is required (and
    /// they then fail without it).
    public static var enabled: Bool { adminURL != nil || ExternalTools.required }

    public struct NotConfigured: Error, CustomStringConvertible {
        public var description: String { "CUSTOS_TEST_POSTGRES_URL is not set: run the tests with scripts/test.sh" }
    }

    /// Creates a fresh database, runs `body` with its URL, and drops it after.
    public static func withFreshDatabase<Result: Sendable>(
        _ body: (String) async throws -> Result
    ) async throws -> Result {
        guard let admin = adminURL else { throw NotConfigured() }
        let name = "custos_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16))"
        try await administer(admin, "CREATE DATABASE \(name)")
        do {
            var components = URLComponents(string: admin)
            components?.path = "/" + name
            let result = try await body(components?.string ?? admin)
            try await administer(admin, "DROP DATABASE \(name) WITH (FORCE)")
            return result
        } catch {
            try? await administer(admin, "DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }

    /// Runs one statement as the administrator (database names cannot be bind parameters).
    private static func administer(_ url: String, _ sql: String) async throws {
        let client = PostgresClient(
            configuration: try PostgresConnectionURL(url).configuration,
            backgroundLogger: Logger(label: "custos.test.admin"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await client.query(PostgresQuery(unsafeSQL: sql))
        }
    }
}
