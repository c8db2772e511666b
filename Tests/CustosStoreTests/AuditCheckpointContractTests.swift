import CustosCore
import CustosServices
import CustosStorage
import CustosTestSupport
import Foundation
import Testing

/// A verification goes on from the latest signed checkpoint instead of walking the whole log; a
/// full verification checks every entry; a break sets aside the checkpoints past it; a checkpoint
/// altered without the master key is not used.
@Suite("Audit checkpoints")
struct AuditCheckpointContractTests {
    @Test(
        "a new process goes on from the signed checkpoint; a full check finds what it vouched for altered since; a forged checkpoint is not used",
        arguments: TestBackend.available)
    func checkpoints(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            func write(_ number: Int) async throws {
                _ = try await vault.write(
                    VaultContractTests().memberContact(vault, headEmail: "h\(number)@example.sch.uk"), actor: "t")
            }
            /// What a new process knows: nothing of an earlier check but what the database holds.
            func newProcess() { fixture.store.auditKeys.rememberBroken() }
            for number in 0..<3 { try await write(number) }
            let log = AuditLog(store: fixture.store)
            #expect(try await fixture.store.latestAuditCheckpoint() == nil)

            // A full check records a checkpoint at its end, signed under the master key.
            let whole = try await log.verify()
            #expect(whole.failure == nil && whole.verified == 4)
            let first = try #require(try await fixture.store.latestAuditCheckpoint())
            #expect(first.sequence == 4)
            #expect(first.isSigned(by: try #require(try fixture.store.auditKeys.key(id: first.keyID))))

            // A new process goes on from it, checking only the entries after it.
            for number in 3..<5 { try await write(number) }
            newProcess()
            let onwards = try await log.verify(incremental: true)
            #expect(onwards.failure == nil && onwards.verified == 6)
            #expect(onwards.resumedFrom == 4)
            #expect(onwards.checkpointMadeAt == first.madeAt)

            // An entry altered before the checkpoint: going on from it does not look; a full
            // check does, and sets aside the checkpoints past the break.
            try await VaultContractTests.execute(VaultContractTests.dropGuard(fixture.store), on: fixture.store)
            try await VaultContractTests.execute(
                "UPDATE audit_entry SET actor = 'someone-else' WHERE sequence = 2", on: fixture.store)
            newProcess()
            #expect(try await log.verify(incremental: true).failure == nil)
            #expect(try await log.verify().failure?.sequence == 2)
            #expect(try await fixture.store.latestAuditCheckpoint() == nil)
            newProcess()
            let fromStart = try await log.verify(incremental: true)
            #expect(fromStart.failure?.sequence == 2)
            #expect(fromStart.resumedFrom == nil)

            // Put right, checked in full: a new checkpoint. Altered without the key, it is not used.
            try await VaultContractTests.execute(
                "UPDATE audit_entry SET actor = 't' WHERE sequence = 2", on: fixture.store)
            #expect(try await log.verify().failure == nil)
            let second = try #require(try await fixture.store.latestAuditCheckpoint())
            #expect(second.sequence == 6)
            try await VaultContractTests.execute(
                "UPDATE audit_checkpoint SET sequence = 7, checked = 7 WHERE sequence = 6", on: fixture.store)
            try await write(9)
            newProcess()
            let unforged = try await log.verify(incremental: true)
            #expect(unforged.failure == nil && unforged.verified == 7)
            #expect(unforged.resumedFrom == nil, "the forged checkpoint is not gone on from")

            // The entry a checkpoint ends at, removed: found at once.
            #expect(try await log.verify().failure == nil)
            let last = try #require(try await fixture.store.latestAuditCheckpoint())
            try await VaultContractTests.execute(
                "DELETE FROM audit_entry WHERE sequence = \(last.sequence)", on: fixture.store)
            newProcess()
            #expect(try await log.verify(incremental: true).failure?.sequence == last.sequence)
        }
    }
}
