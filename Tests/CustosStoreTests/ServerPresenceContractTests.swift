import CustosCore
import CustosStorage
import Foundation
import Testing

@testable import CustosServices

/// What servers tell each other through the database: the master keys each holds (so rotation
/// waits for all), the backups that need old keys, and the console's imports, on each backend
/// with two stores on one database.
@Suite("Server presence, key rotation with servers running, and console imports")
struct ServerPresenceContractTests {
    func rotation(_ fixture: VaultFixture) -> KeyRotation {
        var rotation = KeyRotation(store: fixture.store, keys: fixture.keys)
        rotation.settle = .zero
        return rotation
    }

    @Test(
        "rotation waits for every server to hold the new key, retires nothing until they do, and leaves everyone readable",
        arguments: TestBackend.available)
    func rotationWaitsForServers(_ backend: TestBackend) async throws {
        try await backend.withTwinStores { first, second in
            let fixture = try VaultFixture(store: first)
            defer { fixture.cleanUp() }
            let vault = try await fixture.vault(example: "ashe")
            let subject = try await SeedPeople.head(vault, email: "ann@school.example")
            let oldID = try fixture.keys.ring().current.id
            // A second server, holding the key file as it was, reports through the other store.
            let otherKeys = MasterKeySource(
                fileURL: fixture.keyFolder.appendingPathComponent("master.key"), environment: [:])
            let stale = ServerPresence(holder: UUID(), name: "web-2:1", startedAt: Date(), keyIDs: [oldID])
            try await second.reportPresence(stale)
            #expect(try await first.serversPresent(seenWithin: 30).map(\.name) == ["web-2:1"])

            await #expect(throws: KeyRotation.ServersBehind.self) {
                _ = try await rotation(fixture).rotate(actor: "t", wait: .milliseconds(300))
            }
            // Nothing rewrapped, nothing retired: both keys are in the file, the new one current.
            let ring = try fixture.keys.reload()
            #expect(ring.keys.count == 2)
            #expect(ring.keys.last?.id == oldID)
            #expect(try await first.masterKeyIDsInUse() == [oldID])

            // The other server reads the keys again (its next report) and wraps with the new key
            // from then on; the rotation, resumed, finishes.
            try await second.reportPresence(
                ServerPresence(
                    holder: stale.holder, name: stale.name, startedAt: stale.startedAt,
                    keyIDs: try otherKeys.reload().keys.map(\.id)))
            let summary = try await rotation(fixture).rotate(actor: "t", resume: true, wait: .seconds(5))
            #expect(summary.servers == ["web-2:1"])
            #expect(summary.retiredKeyIDs == [oldID])
            #expect(try await first.masterKeyIDsInUse() == [summary.newKeyID])
            #expect(try fixture.keys.reload().keys.map(\.id) == [summary.newKeyID])
            let reopened = try await Vault.open(
                store: second, workspace: vault.workspace, policy: vault.policy, keys: otherKeys)
            #expect(try await reopened.read(subject: subject, actor: "t").records.count == 1)
            try await second.removePresence(of: stale.holder)
            #expect(try await first.serversPresent(seenWithin: 30).isEmpty)
        }
    }

    @Test(
        "a process whose keys were read before a rotation reads them again before wrapping anything new",
        arguments: TestBackend.available)
    func wrappingReadsFreshKeys(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            _ = try await fixture.vault(example: "asset")
            let other = MasterKeySource(
                fileURL: fixture.keyFolder.appendingPathComponent("master.key"), environment: [:])
            let old = try other.wrappingKey()
            let new = try fixture.keys.update { $0 = $0.addingNewCurrent(MasterKey.generate()) }.current
            #expect(try other.wrappingKey().id == old.id, "within the freshness window the keys held are used")
            #expect(
                try other.wrappingKey(now: Date().addingTimeInterval(MasterKeySource.wrappingFreshness + 1)).id
                    == new.id)
        }
    }

    @Test(
        "a rotation keeps an old key while a kept backup needs it, and retire removes it once the backup expires",
        arguments: TestBackend.available)
    func backupsKeepKeys(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "ashe")
            _ = try await SeedPeople.head(vault, email: "ann@school.example")
            let installation = Installation(store: fixture.store, keys: fixture.keys)
            let oldID = try fixture.keys.ring().current.id
            let expired = try await installation.recordBackup(
                kind: "copy", keepFor: 86_400, at: Date().addingTimeInterval(-2 * 86_400), actor: "t")
            #expect(expired.masterKeyIDs == [oldID])
            #expect(try await installation.backupsKept().isEmpty)
            let kept = try await installation.recordBackup(kind: "external", keepFor: 3600, actor: "t")
            let summary = try await rotation(fixture).rotate(actor: "t")
            #expect(summary.retiredKeyIDs.isEmpty)
            #expect(Array(summary.keptForBackups.keys) == [oldID])
            #expect(abs(try #require(summary.keptForBackups[oldID]).timeIntervalSince(kept.keepUntil)) < 0.01)
            #expect(try fixture.keys.reload().keys.map(\.id) == [summary.newKeyID, oldID])
            #expect(try await rotation(fixture).retireUnneededKeys(actor: "t").isEmpty, "the backup is kept still")
            #expect(try fixture.keys.reload().keys.count == 2)
        }
    }

    @Test(
        "a console import started on one server is seen, with its report, on the other; one whose server stopped is marked failed",
        arguments: TestBackend.available)
    func consoleImports(_ backend: TestBackend) async throws {
        try await backend.withTwinStores { first, second in
            let fixture = try VaultFixture(store: first)
            defer { fixture.cleanUp() }
            let vault = try await fixture.vault(example: "asset")
            let other = try await Vault.open(
                store: second, workspace: vault.workspace, policy: vault.policy, keys: fixture.keys)
            let type = try #require(vault.policy.recordType("contact"))
            let dpo = DataUser(actor: "dpo", access: StaffAccess(role: .dpo, schoolID: nil, policy: vault.policy))
            let purpose = try #require(
                RolePurposeRule.purposes(of: .dpo, .update, recordType: type, policy: vault.policy).first)
            let account = UUID()
            let csv = "Name,School name,Email\nAnn Head,Hill School,ann@school.example\nBad Row,,not-an-email\n"
            let started = try await vault.consoleImports.start(
                Data(csv.utf8), fileName: "smith-family.csv", recordType: type, purpose: purpose, dryRun: false,
                userID: account, user: dpo)
            var seen: ConsoleImport?
            for _ in 0..<100 {
                seen = try await other.consoleImports.job(started.id, of: account)
                if case .finished = seen?.state { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            let job = try #require(seen)
            #expect(job.fileName == "smith-family.csv")
            guard case .finished(let report) = job.state else {
                Issue.record("the import did not finish: \(job.state)")
                return
            }
            #expect(report.created == 1)
            #expect(report.rejected == 1)
            #expect(try await other.consoleImports.jobs(of: account).map(\.id) == [started.id])
            #expect(try await other.consoleImports.job(started.id, of: UUID()) == nil, "only its starter sees it")
            #expect(!FileManager.default.fileExists(atPath: ConsoleImports.file(for: started.id).path))

            // An import whose server stopped: running, silent, its file left behind.
            let orphan = UUID()
            try await first.addImportJob(
                ImportJobRecord(
                    id: orphan, workspaceID: vault.workspace.id, userID: account, recordType: type.name, dryRun: false,
                    startedAt: Date(), holder: UUID(),
                    sealed: try vault.consoleImports.seal(ConsoleImports.Sealed(fileName: "left.csv"), id: orphan)))
            let left = ConsoleImports.file(for: orphan)
            #expect(FileManager.default.createFile(atPath: left.path, contents: Data(csv.utf8)))
            try await ConsoleImports.sweep(store: second)
            #expect(FileManager.default.fileExists(atPath: left.path), "a running import's file is kept")
            try await Task.sleep(for: .milliseconds(50))
            #expect(try await second.failSilentImportJobs(silentFor: 0.01) == 1)
            try await ConsoleImports.sweep(store: second)
            #expect(!FileManager.default.fileExists(atPath: left.path))
            let stopped = try #require(try await other.consoleImports.job(orphan, of: account))
            guard case .failed(let reason) = stopped.state else {
                Issue.record("not failed: \(stopped.state)")
                return
            }
            #expect(reason.contains("import the file again"))
        }
    }
}
