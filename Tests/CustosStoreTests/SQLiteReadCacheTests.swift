import CustosCore
import CustosSQLite
import CustosServices
import Foundation
import Testing

/// The SQLite store keeps each request's token and contact facts until the next commit; a change
/// made by another connection (a `custos` command beside the server) must be seen at once.
@Suite("SQLite read cache")
struct SQLiteReadCacheTests {
    @Test("a consent withdrawn or a token revoked through another store is seen by the next decision")
    func anotherProcessesCommitIsSeen() async throws {
        try await TestBackend.sqlite.withFixture { fixture in
            let server = try #require(fixture.store as? SQLiteStore)
            let vault = try await fixture.vault(example: "asset")
            let id = try await SeedPeople.assetContact(vault, email: "bursar@hill.example")
            let newsletter = ContactQuestion(purpose: "marketing", channel: .email, list: "newsletter")
            try await Contacts(vault: vault).record(
                .given, subject: id, purpose: "marketing", list: "newsletter", source: .webForm, actor: "office")
            let issued = try await AccessTokens(store: server).issue(
                name: "MIS", role: .staff, in: vault.workspace, by: "dpo", makerRole: nil)
            for _ in 0..<3 {
                #expect(try await Contacts(vault: vault).decide(subject: id, newsletter).reason == .consentGiven)
                #expect(try await AccessTokens(store: server).authenticate(issued.bearer) != nil)
            }

            let command = try SQLiteStore(directory: server.directory)
            let commandVault = try await Vault.open(
                store: command, workspace: vault.workspace, policy: vault.policy, keys: fixture.keys)
            try await Contacts(vault: commandVault).record(
                .withdrawn, subject: id, purpose: "marketing", list: "newsletter", source: .phoneCall, actor: "office")
            // The withdrawal leaves no marketing consent in force: the address is suppressed as well.
            #expect(try await Contacts(vault: vault).decide(subject: id, newsletter).reason == .suppressed)

            try await AccessTokens(store: command).revoke(id: issued.token.id, in: vault.workspace, by: "dpo")
            #expect(try await AccessTokens(store: server).authenticate(issued.bearer) == nil)

            try await commandVault.erase(subject: id, actor: "dpo", reason: "erasure request")
            #expect(try await Contacts(vault: vault).decide(subject: id, newsletter).reason == .gone)
        }
    }

    @Test("one request's reads answer as of its first; its own writes are seen; the next request sees everything")
    func requestScope() async throws {
        try await TestBackend.sqlite.withFixture { fixture in
            let server = try #require(fixture.store as? SQLiteStore)
            let vault = try await fixture.vault(example: "asset")
            let id = try await SeedPeople.assetContact(vault, email: "bursar@hill.example")
            let newsletter = ContactQuestion(purpose: "marketing", channel: .email, list: "newsletter")
            let contacts = Contacts(vault: vault)
            let command = try SQLiteStore(directory: server.directory)
            let commandVault = try await Vault.open(
                store: command, workspace: vault.workspace, policy: vault.policy, keys: fixture.keys)

            try await server.withRequestReads {
                #expect(try await contacts.decide(subject: id, newsletter).reason == .noConsent)
                // Another process commits mid-request: this request keeps answering as it began.
                try await Contacts(vault: commandVault).record(
                    .given, subject: id, purpose: "marketing", list: "newsletter", source: .phoneCall,
                    actor: "office")
                #expect(try await contacts.decide(subject: id, newsletter).reason == .noConsent)
            }
            try await server.withRequestReads {
                #expect(try await contacts.decide(subject: id, newsletter).reason == .consentGiven)
                // The request's own write is seen by its next read.
                try await contacts.record(
                    .withdrawn, subject: id, purpose: "marketing", list: "newsletter", source: .webForm,
                    actor: "subject")
                // Nothing of marketing is left in force: the address is suppressed too.
                #expect(try await contacts.decide(subject: id, newsletter).reason == .suppressed)
            }
            #expect(try await contacts.decide(subject: id, newsletter).reason == .suppressed)
        }
    }
}
