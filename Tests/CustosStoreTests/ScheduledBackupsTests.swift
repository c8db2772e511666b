import CustosCore
import CustosDeployment
import CustosSQLite
import CustosServices
import CustosStorage
import CustosTestSupport
import Foundation
import GRDB
import Logging
import Testing

/// The server's backups of an SQLite data folder: one each period, recorded with the keys it needs,
/// and deleted once kept for their time, which is when an erasure becomes final in backups.
@Suite("Scheduled backups")
struct ScheduledBackupsTests {
    @Test("a copy is made each period, readable by its owner only, recorded, and deleted when its time kept is over")
    func schedule() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "custos-backups-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let keys = MasterKeySource(fileURL: folder.appendingPathComponent("master.key"), environment: [:])
        _ = try keys.createIfAbsent()
        let location = StoreLocation.sqlite(directory: folder.appendingPathComponent("data"))
        let installation = try location.open(keys: keys, logger: Logger(label: "custos.test")).installation
        let (workspace, _) = try await installation.createWorkspace(
            name: "ashe", title: "ASHE", policy: try PolicyLoader.load(contentsOf: Repository.example("ashe")),
            by: "test")
        _ = try await installation.vault(workspace)
        let backups = folder.appendingPathComponent("backups")
        try FileManager.default.createDirectory(at: backups, withIntermediateDirectories: true)
        // Files the service did not name are never touched.
        for other in ["notes.txt", "custos-by-hand.sqlite"] {
            try Data("keep".utf8).write(to: backups.appendingPathComponent(other))
        }
        let day: TimeInterval = 86_400
        let scheduled = try ScheduledBackups(
            location: location, installation: installation,
            settings: .init(folder: backups, every: day, keep: 30 * day), logger: Logger(label: "custos.test"))
        let start = Date(timeIntervalSince1970: (Date().timeIntervalSince1970).rounded(.down))

        let first = await scheduled.pass(now: start)
        let firstFile = try #require(first.made)
        #expect(firstFile.lastPathComponent.hasPrefix("custos-") && first.deleted.isEmpty)
        let attributes = try FileManager.default.attributesOfItem(atPath: firstFile.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let copy = try DatabaseQueue(path: firstFile.path)
        #expect(try await copy.read { try String.fetchAll($0, sql: "SELECT name FROM workspace") } == ["ashe"])
        try copy.close()
        let recorded = try await installation.backupsKept(at: start).filter { $0.kind == ScheduledBackups.kind }
        #expect(recorded.map(\.keepUntil) == [start.addingTimeInterval(30 * day)])
        #expect(!recorded[0].masterKeyIDs.isEmpty)

        #expect(await scheduled.pass(now: start.addingTimeInterval(3600)) == .init(made: nil, deleted: []))
        let second = try #require(await scheduled.pass(now: start.addingTimeInterval(day + 3600)).made)
        let month = await scheduled.pass(now: start.addingTimeInterval(30 * day))
        #expect(month.deleted == [firstFile])
        #expect(month.made != nil)
        let next = await scheduled.pass(now: start.addingTimeInterval(31 * day + 3600))
        #expect(next.deleted == [second])
        let kept = [try #require(month.made), try #require(next.made)].map(\.lastPathComponent)
        let left = try FileManager.default.contentsOfDirectory(atPath: backups.path).sorted()
        #expect(left == (["custos-by-hand.sqlite", "notes.txt"] + kept).sorted())
    }

    @Test("a PostgreSQL database is not backed up by the server: pg_dump is")
    func postgresRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "custos-backups-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let keys = MasterKeySource(fileURL: folder.appendingPathComponent("master.key"), environment: [:])
        let installation = Installation(store: try SQLiteStore(directory: folder), keys: keys)
        #expect(throws: StoreLocationError.sqliteOnly("scheduled backups")) {
            try ScheduledBackups(
                location: .postgres(url: "postgres://custos@127.0.0.1:1/none"), installation: installation,
                settings: .init(folder: folder, every: 60, keep: 60), logger: Logger(label: "custos.test"))
        }
    }
}
