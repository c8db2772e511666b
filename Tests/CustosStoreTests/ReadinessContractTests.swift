import CustosCore
import CustosSQLite
import CustosServices
import CustosStorage
import Foundation
import Testing

/// What `/readyz` and `custos doctor` report: the database answers, every migration is applied,
/// and the master keys open each workspace's keys. Each failure says which check, without secrets.
@Suite("Readiness: database, migrations and keys")
struct ReadinessContractTests {
    @Test("a current store with its keys is ready, and says so check by check", arguments: TestBackend.available)
    func ready(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            _ = try await fixture.vault(example: "ashe")
            let readiness = await Installation(store: fixture.store, keys: fixture.keys).readiness()
            #expect(readiness.isReady)
            #expect(readiness.checks.map(\.name) == ["database", "migrations", "keys"])
            #expect(readiness.checks[1].detail == "all \(SchemaMigrations.ids.count) applied")
            #expect(readiness.checks[2].detail == "1 master key, opening 1 workspace")
            #expect(try await fixture.store.pendingMigrations() == [])
        }
    }

    @Test(
        "other master keys are not ready: the keys check names the workspace they do not open",
        arguments: TestBackend.available)
    func otherKeys(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            _ = try await fixture.vault(example: "ashe")
            let other = MasterKeySource(
                fileURL: fixture.keyFolder.appendingPathComponent("other.key"), environment: [:])
            _ = try other.createIfAbsent()
            let readiness = await Installation(store: fixture.store, keys: other).readiness()
            #expect(!readiness.isReady)
            #expect(readiness.checks.map(\.passed) == [true, true, false])
            #expect(readiness.checks[2].detail == "the master keys do not open workspace 'ashe'")

            let missing = MasterKeySource(
                fileURL: fixture.keyFolder.appendingPathComponent("missing.key"), environment: [:])
            let without = await Installation(store: fixture.store, keys: missing).readiness()
            #expect(without.checks.map(\.passed) == [true, true, false])
            #expect(without.checks[2].detail.hasPrefix("the master keys cannot be read"))
        }
    }

    @Test("a migration not applied is named, and the store is not ready", arguments: TestBackend.available)
    func migrationPending(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let last = try #require(SchemaMigrations.ids.last)
            try await VaultContractTests.execute(
                fixture.store is SQLiteStore
                    ? "DELETE FROM grdb_migrations WHERE identifier = '\(SchemaMigrations.ids.count)-\(last)'"
                    : "DELETE FROM custos_migration WHERE name = '\(last)'",
                on: fixture.store)
            #expect(try await fixture.store.pendingMigrations() == [last])
            let readiness = await Installation(store: fixture.store, keys: fixture.keys).readiness()
            #expect(!readiness.isReady)
            #expect(
                readiness.checks[1]
                    == .init(name: "migrations", passed: false, detail: "1 not yet applied, from '\(last)'"))
        }
    }
}
