import CustosCore
import CustosPostgres
import CustosSQLite
import CustosServices
import CustosTestSupport
import Foundation
import GRDB
import PostgresNIO
import Testing

/// No personal text in plain columns: who asked on someone's behalf is sealed, an imported file's
/// name is not kept as the records' source, and a search does not say what it searched by.
@Suite("No personal text in plain columns")
struct PlainColumnsContractTests {
    @Test("a request made on someone's behalf, an import from a named file, a search", arguments: TestBackend.available)
    func sealedOrDropped(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let file = try fixture.csv(
                "Name,School postal address,Head's Email Address\nAnn Head,1 Lane,ann@school.example\n",
                name: "smith-family.csv")
            let type = try #require(vault.policy.recordType("member_contact"))
            _ = try await RecordImporter.byTheDPO(vault, type, actor: "t").run(file: file, dryRun: false)
            let ann = try #require(
                try await vault.subjectIDs(identifierKind: "email", value: "ann@school.example").first)
            let requests = Requests(vault: vault)
            let request = try await requests.open(
                RequestIntake(
                    kind: .access, subjectID: ann, channel: .letter, receivedOn: .today, onBehalfAs: "foster carer",
                    competence: "Sam is 15 and asked us to act"),
                actor: "t")
            #expect(try requests.party(of: request)?.relationship == "foster carer")
            let again = try #require(try await fixture.store.request(request.id, in: vault.workspace.id))
            #expect(try requests.party(of: again)?.competence == "Sam is 15 and asked us to act")

            let plain = try await Self.text(
                "SELECT coalesce(on_behalf_as, '') || coalesce(competence, '') FROM data_request", on: fixture.store)
            #expect(plain.allSatisfy { $0.isEmpty })
            let sources = try await Self.text("SELECT coalesce(source_name, '') FROM record_part", on: fixture.store)
            #expect(!sources.contains { $0.contains("smith") })
            let details = try await AuditLog(store: fixture.store).entries(limit: 1000).compactMap(\.event.detail)
            #expect(!details.contains { $0.contains("smith") }, "the file's name is not in the log")
            let view = try await vault.read(subject: ann, actor: "t")
            #expect(view.records.first?.source.description == "a file imported by staff")
        }
    }

    @Test("who asked, kept in plain text before this version, is sealed when the workspace is next opened")
    func legacySealed() async throws {
        try await TestBackend.sqlite.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            let request = try await Requests(vault: vault).open(
                RequestIntake(kind: .access, subjectID: nil, channel: .letter, receivedOn: .today), actor: "t")
            try await VaultContractTests.execute(
                "UPDATE data_request SET on_behalf_as = 'grandmother', competence = 'too young' WHERE 1",
                on: fixture.store)
            let reopened = try await Vault.open(store: fixture.store, workspace: vault.workspace, keys: fixture.keys)
            let stored = try #require(try await fixture.store.request(request.id, in: vault.workspace.id))
            #expect(
                try Requests(vault: reopened).party(of: stored)
                    == RequestParty(relationship: "grandmother", competence: "too young"))
            #expect(
                try await Self.text("SELECT coalesce(on_behalf_as, '') FROM data_request", on: fixture.store) == [""])
            #expect(try await AuditLog(store: fixture.store).verify().failure == nil)
        }
    }

    /// The first column of `sql`'s rows, read from the database directly.
    static func text(_ sql: String, on store: any CustosStore) async throws -> [String] {
        switch store {
        case let sqlite as SQLiteStore:
            let queue = try DatabaseQueue(path: sqlite.directory.appendingPathComponent(SQLiteStore.fileName).path)
            return try await queue.read { try String.fetchAll($0, sql: sql) }
        case let postgres as PostgresStore:
            var values: [String] = []
            for try await value in try await postgres.client.query(
                PostgresQuery(unsafeSQL: sql), logger: Logger(label: "test")
            ).decode(String.self) {
                values.append(value)
            }
            return values
        default:
            Issue.record("unknown store")
            return []
        }
    }
}
