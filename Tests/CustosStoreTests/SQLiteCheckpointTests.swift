import CustosCore
import CustosSQLite
import CustosServices
import Foundation
import Testing

/// The SQLite store copies its write-ahead log back into the database file on a connection of its
/// own, not in the writer's commits; the log must still be copied back, and start again from its
/// beginning, while the store is open.
@Suite("SQLite checkpoints beside the writer")
struct SQLiteCheckpointTests {
    @Test("the log is copied back while the store is open and starts again, so its file does not grow with every write")
    func logCopiedBackAndRestarted() async throws {
        try await TestBackend.sqlite.withFixture { fixture in
            let store = try #require(fixture.store as? SQLiteStore)
            let vault = try await fixture.vault(example: "asset")
            let database = store.directory.appendingPathComponent(SQLiteStore.fileName)
            let log = store.directory.appendingPathComponent(SQLiteStore.fileName + "-wal")
            let before = try size(of: database)

            // About 8 MB of audit entries in 40 commits: well past the 1,000 pages (4 MiB) at which
            // the log is handed on, and far short of where the writer would copy it back itself.
            try await write(megabytes: 8, into: vault, round: 1)
            let copied = try await waitUntil { try size(of: database) >= before + 6_000_000 }
            #expect(copied, "the database file grew as the log was copied back, while the store was open")
            // The last hand-on covers the last commit: wait until the file stops growing.
            try await waitUntilSteady { try size(of: database) }
            let logAfterFirst = try size(of: log)

            // Everything was copied back, so the next commit starts the log again from its beginning:
            // 8 MB more leaves its file about as large as before, not twice as large.
            try await write(megabytes: 8, into: vault, round: 2)
            let logAfterSecond = try size(of: log)
            #expect(logAfterSecond < logAfterFirst + logAfterFirst / 2, "the log started again")

            // Every entry is in the chain, and the chain holds.
            let entries = try await fixture.store.auditEntries(
                in: vault.workspace.id, matching: AuditQuery(action: "test.write"), limit: 20_000)
            #expect(entries.count == 2 * 8 * 1_000)
            #expect(try await AuditLog(store: fixture.store).verify().failure == nil)
        }
    }

    /// Writes about `megabytes` MB of audit entries, 200 a commit.
    private func write(megabytes: Int, into vault: Vault, round: Int) async throws {
        let filler = String(repeating: "x", count: 1_000)
        for commit in 0..<(megabytes * 5) {
            try await vault.audit(
                (0..<200).map { entry in
                    AuditEvent(
                        workspaceID: vault.workspace.id, time: Date(), actor: "system", action: "test.write",
                        detail: "\(round)-\(commit)-\(entry) \(filler)")
                })
        }
    }

    private func size(of file: URL) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0
    }

    /// Whether `condition` holds within ten seconds.
    private func waitUntil(_ condition: () throws -> Bool) async throws -> Bool {
        for _ in 0..<100 {
            if try condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    /// Waits (up to ten seconds) until `value` is the same three times running, 100 ms apart.
    private func waitUntilSteady(_ value: () throws -> Int) async throws {
        var last = try value()
        var same = 0
        for _ in 0..<100 where same < 3 {
            try await Task.sleep(for: .milliseconds(100))
            let now = try value()
            same = now == last ? same + 1 : 0
            last = now
        }
    }
}
