import CustosCore
import CustosSQLite
import CustosServices
import CustosTestSupport
import Foundation
import GRDB
import Testing

/// The audit chain bound to the master key: someone with a copy of the database, but not the key
/// file, who rewrites an entry and recomputes every hash after it, is found out by `verify`.
@Suite("The keyed audit chain")
struct KeyedAuditChainContractTests {
    @Test(
        "an entry rewritten and the chain recomputed from a copy of the database is detected, the latest included",
        arguments: TestBackend.available)
    func forgedChain(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            try await Self.threeHeads(fixture)
            let log = AuditLog(store: fixture.store, keys: fixture.keys)
            let intact = try await log.verify()
            #expect(intact.failure == nil)
            #expect(intact.keyedFrom == 1, "a workspace opened with the key file is keyed from its first entry")
            let entries = try await log.entries(limit: 100)
            #expect(entries.allSatisfy { $0.keyID == (try? fixture.keys.ring().current.id) })
            try await VaultContractTests.execute(VaultContractTests.dropGuard(fixture.store), on: fixture.store)

            // Rewrite entry 3 and recompute every hash after it, as the old unkeyed chain allowed.
            try await Self.forge(entries, from: 3, stripKeys: false, on: fixture.store) { $0.actor = "someone-else" }
            var report = try await log.verify()
            #expect(report.failure?.sequence == 3)
            #expect(report.failure?.reason.contains("under the master key") == true)

            // The same, claiming the entries were never keyed.
            try await Self.forge(entries, from: 3, stripKeys: true, on: fixture.store) { $0.actor = "someone-else" }
            report = try await log.verify()
            #expect(report.failure?.sequence == 3)
            #expect(report.failure?.reason.contains("not keyed") == true)

            // Written back as it was, it verifies; then only the latest entry rewritten.
            try await Self.restore(entries, on: fixture.store)
            #expect(try await log.verify().failure == nil)
            let last = Int64(entries.count)
            try await Self.forge(entries, from: last, stripKeys: false, on: fixture.store) { $0.detail = "nothing" }
            #expect(try await log.verify().failure?.sequence == last)
        }
    }

    @Test(
        "a keyed log rewritten as one never keyed, from a copy of the database, is found through the key file's anchor",
        arguments: TestBackend.available)
    func downgradedChain(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            try await Self.threeHeads(fixture)
            let log = AuditLog(store: fixture.store, keys: fixture.keys)
            let entries = try await log.entries(limit: 100)
            let anchor = try #require(try fixture.keys.reload().auditAnchor, "opening the vault anchors the log")
            #expect(anchor == AuditAnchor(sequence: 1, hash: entries[0].hash))
            #expect(try await log.verify().anchor == anchor)
            try await VaultContractTests.execute(VaultContractTests.dropGuard(fixture.store), on: fixture.store)

            // Every entry recomputed without the key and the record of keying removed: the log
            // looks as if it had never been keyed, but the key file says otherwise.
            try await Self.forge(entries, from: 1, stripKeys: true, on: fixture.store) { $0.actor = "someone-else" }
            try await VaultContractTests.execute("UPDATE audit_head SET keyed_from = NULL", on: fixture.store)
            var report = try await log.verify()
            #expect(report.failure?.sequence == 1)
            #expect(report.failure?.reason.contains("no keying") == true, "\(String(describing: report.failure))")

            // The same, claiming keying begins after the last entry.
            try await VaultContractTests.execute(
                "UPDATE audit_head SET keyed_from = \(entries.count + 1)", on: fixture.store)
            report = try await log.verify()
            #expect(report.failure?.sequence == 1)

            // A key file without the anchor (made before this version) is fooled, which is why
            // opening a vault or an intact verify records it.
            let bare = fixture.keyFolder.appendingPathComponent("bare.key")
            var ring = try fixture.keys.ring()
            ring.auditAnchor = nil
            try ring.text.write(to: bare, atomically: true, encoding: .utf8)
            try await VaultContractTests.execute("UPDATE audit_head SET keyed_from = NULL", on: fixture.store)
            #expect(
                try await AuditLog(store: fixture.store, keys: MasterKeySource(fileURL: bare, environment: [:]))
                    .verify().failure == nil)

            // Written back as it was, it verifies against the anchor again.
            try await Self.restore(entries, on: fixture.store)
            try await VaultContractTests.execute("UPDATE audit_head SET keyed_from = 1", on: fixture.store)
            #expect(try await AuditLog(store: fixture.store, keys: fixture.keys).verify().failure == nil)
        }
    }

    @Test("a key file's anchor is recorded once, never replaced, and one from another log is reported")
    func anchorRecordedOnce() async throws {
        try await TestBackend.sqlite.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            _ = try await vault.write(
                try VaultContractTests().memberContact(vault, headEmail: "h@example.sch.uk"), actor: "t")
            let log = AuditLog(store: fixture.store, keys: fixture.keys)
            let anchor = try #require(try fixture.keys.reload().auditAnchor)
            #expect(try await log.anchor() == .held(anchor))
            // Keys from the environment cannot be written: the line to add is given instead.
            var unanchored = try fixture.keys.ring()
            unanchored.auditAnchor = nil
            let environment = MasterKeySource(
                fileURL: fixture.keyFolder.appendingPathComponent("none.key"),
                environment: [MasterKeySource.environmentVariable: unanchored.text])
            #expect(try await AuditLog(store: fixture.store, keys: environment).anchor() == .cannotRecord(anchor))
            // A key file anchored to another log keeps its anchor, and verify names the entry.
            let other = AuditAnchor(sequence: 1, hash: Data(repeating: 7, count: 32))
            var ring = try fixture.keys.ring()
            ring.auditAnchor = other
            try fixture.keys.save(ring)
            let keyFileLog = AuditLog(store: fixture.store, keys: fixture.keys)
            #expect(try await keyFileLog.anchor() == .differs(held: other, log: anchor))
            #expect(try fixture.keys.reload().auditAnchor == other)
            let report = try await keyFileLog.verify()
            #expect(report.failure?.sequence == 1)
            #expect(report.failure?.reason.contains("key file") == true)
        }
    }

    @Test("a keyed log takes no entry from a process without the key, and verifying it needs the key")
    func keyNeeded() async throws {
        try await TestBackend.sqlite.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            _ = try await vault.write(
                try VaultContractTests().memberContact(vault, headEmail: "h@example.sch.uk"), actor: "t")
            let sqlite = try #require(fixture.store as? SQLiteStore)
            let keyless = try SQLiteStore(directory: sqlite.directory)
            await #expect(throws: StoreError.auditKeyNeeded) {
                try await keyless.apply(
                    .auditOnly([
                        AuditEvent(workspaceID: vault.workspace.id, time: Date(), actor: "x", action: "audit.forged")
                    ]))
            }
            let report = try await AuditLog(store: keyless).verify()
            #expect(report.failure?.reason.contains("needs the master key") == true)
            #expect(try await AuditLog(store: keyless, keys: fixture.keys).verify().failure == nil)
        }
    }

    @Test(
        "after a key rotation the log still verifies, held by the entries under the new key",
        arguments: TestBackend.available)
    func rotation(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            _ = try await vault.write(
                try VaultContractTests().memberContact(vault, headEmail: "h@example.sch.uk"), actor: "t")
            let before = try fixture.keys.ring().current.id
            var rotation = KeyRotation(store: fixture.store, keys: fixture.keys)
            rotation.settle = .zero
            _ = try await rotation.rotate(actor: "cli:dpo")
            let report = try await AuditLog(store: fixture.store, keys: fixture.keys).verify()
            #expect(report.failure == nil, "\(String(describing: report.failure))")
            let entries = try await AuditLog(store: fixture.store).entries(limit: 100)
            #expect(entries.first?.keyID == before)
            #expect(entries.last?.keyID == (try fixture.keys.ring().current.id))
            #expect(entries.last?.keyID != before)

            // The retired key's chain key stays in the key file, so an entry under it still
            // cannot be changed without the change being found.
            #expect(try fixture.keys.reload().retiredAuditKeys.keys.contains(before))
            #expect(try fixture.keys.ring().key(id: before) == nil, "the retired master key itself is gone")
            try await VaultContractTests.execute(VaultContractTests.dropGuard(fixture.store), on: fixture.store)
            try await VaultContractTests.execute(
                "UPDATE audit_entry SET actor = 'someone-else' WHERE sequence = 1", on: fixture.store)
            let forged = try await AuditLog(store: fixture.store, keys: fixture.keys).verify()
            #expect(forged.failure?.sequence == 1)
            #expect(forged.failure?.reason.contains("under the master key") == true)
        }
    }

    /// An ASHE workspace with three heads' contact records written, so the log has entries to forge.
    static func threeHeads(_ fixture: VaultFixture) async throws {
        let vault = try await fixture.vault(example: "ashe")
        for index in 0..<3 {
            _ = try await vault.write(
                try VaultContractTests().memberContact(vault, headEmail: "h\(index)@example.sch.uk"), actor: "t")
        }
    }

    /// Rewrites the entries from `sequence` on, as `edit` changes them, with hashes recomputed
    /// without the key (SHA-256, as an attacker can), and the recorded head to match.
    static func forge(
        _ entries: [AuditEntry], from sequence: Int64, stripKeys: Bool, on store: any CustosStore,
        edit: (inout AuditEvent) -> Void
    ) async throws {
        var previous = sequence == 1 ? AuditChain.genesis : entries[Int(sequence) - 2].hash
        var statements: [String] = []
        for var entry in entries where entry.sequence >= sequence {
            if entry.sequence == sequence { edit(&entry.event) }
            let hash = AuditChain.hash(sequence: entry.sequence, event: entry.event, previousHash: previous)
            statements.append(
                """
                UPDATE audit_entry SET actor = '\(entry.event.actor)', detail = \(entry.event.detail.map { "'\($0)'" } ?? "NULL"),
                previous_hash = \(blob(previous, store)), hash = \(blob(hash, store))\(stripKeys ? ", key_id = NULL" : "")
                WHERE sequence = \(entry.sequence)
                """)
            previous = hash
        }
        statements.append("UPDATE audit_head SET hash = \(blob(previous, store))")
        for statement in statements { try await VaultContractTests.execute(statement, on: store) }
    }

    /// Writes `entries` back exactly as they were.
    static func restore(_ entries: [AuditEntry], on store: any CustosStore) async throws {
        for entry in entries {
            try await VaultContractTests.execute(
                """
                UPDATE audit_entry SET actor = '\(entry.event.actor)', detail = \(entry.event.detail.map { "'\($0)'" } ?? "NULL"),
                previous_hash = \(blob(entry.previousHash, store)), hash = \(blob(entry.hash, store)),
                key_id = \(entry.keyID.map { "'\($0)'" } ?? "NULL") WHERE sequence = \(entry.sequence)
                """, on: store)
        }
        if let last = entries.last {
            try await VaultContractTests.execute("UPDATE audit_head SET hash = \(blob(last.hash, store))", on: store)
        }
    }

    static func blob(_ data: Data, _ store: any CustosStore) -> String {
        let hex = data.map { String(format: "%02x", $0) }.joined()
        return store is SQLiteStore ? "X'\(hex)'" : "decode('\(hex)', 'hex')"
    }
}
