import CustosCore
import CustosSQLite
import CustosServices
import Foundation
import GRDB
import Logging

/// `custos bench --retention`: the retention sweep over an ASHE workspace of `subjects` heads
/// with `recordsPerSubject` record parts each, last active at spread days over the past 2,030
/// (so about one in ten is past ASHE's 5 years). The people are laid down with plain SQL (sealed
/// parts of random bytes: the sweep opens none), then the plan and the run are timed through the
/// engine itself.
struct RetentionBench {
    let subjects: Int
    let recordsPerSubject: Int

    func run(folder: URL) async throws {
        let ashe = try PolicyLoader.load(contentsOf: ExamplePolicy.ashe.locate())
        let keys = MasterKeySource(fileURL: folder.appendingPathComponent("master.key"), environment: [:])
        try keys.createIfAbsent()
        let data = folder.appendingPathComponent("data")
        let asOf = CalendarDay.today
        let store = try SQLiteStore(directory: data)
        let (workspace, _) = try await store.createWorkspace(
            name: "bench", title: "Bench", policy: ashe, by: "bench", at: Date())
        let vault = try await Vault.open(store: store, workspace: workspace, policy: ashe.policy, keys: keys)
        let layStart = Date()
        try lay(into: data.appendingPathComponent(SQLiteStore.fileName).path, workspace: workspace.id, asOf: asOf)
        print(
            "laid down \(subjects) people with \(subjects * recordsPerSubject) record parts in \(String(format: "%.1f", Date().timeIntervalSince(layStart))) s"
        )

        let retention = Retention(vault: vault)
        let planStart = Date()
        let plan = try await retention.plan(asOf: asOf)
        let planSeconds = Date().timeIntervalSince(planStart)
        let people = Set(plan.map(\.subjectID)).count
        print(
            "retention plan over \(subjects) people and \(subjects * recordsPerSubject) records: \(String(format: "%.2f", planSeconds)) s (\(plan.count) items due, \(people) people)"
        )
        let runStart = Date()
        let report = try await retention.run(asOf: asOf)
        let runSeconds = Date().timeIntervalSince(runStart)
        print(
            "retention run, plan included: \(report.subjectsErased) people erased in \(String(format: "%.2f", runSeconds)) s (\(Int(Double(report.subjectsErased) / runSeconds)) people/s)"
        )
        print("peak resident memory: \(BenchCommand.peakResidentMegabytes()) MB")
    }

    /// People, their identifiers and their record parts, inserted in one transaction.
    private func lay(into path: String, workspace: UUID, asOf: CalendarDay) throws {
        let types = ["member_contact", "booking", "finance_contact", "communications", "school_context"]
        let roles = ["head", "delegate", "contact", "recipient", "head"]
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -1000000") }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let end = asOf.start(in: CalendarDay.clockTimeZone)
        var random = SystemRandomNumberGenerator()
        try queue.write { db in
            let subject = try db.makeStatement(
                sql: """
                    INSERT INTO subject (id, workspace_id, kind, master_key_id, wrapped_key, created_at, last_activity_at)
                    VALUES (?, ?, 'headteacher', 'bench', ?, ?, ?)
                    """)
            let identifier = try db.makeStatement(
                sql:
                    "INSERT INTO subject_identifier (workspace_id, blind_index, subject_id, kind) VALUES (?, ?, ?, 'email')"
            )
            let part = try db.makeStatement(
                sql: """
                    INSERT INTO record_part (record_id, role, workspace_id, type, subject_id, source_kind, created_at,
                    updated_at, sealed) VALUES (?, ?, ?, ?, ?, 'person', ?, ?, ?)
                    """)
            let key = Data((0..<60).map { _ in UInt8.random(in: 0...255, using: &random) })
            let sealed = Data((0..<200).map { _ in UInt8.random(in: 0...255, using: &random) })
            for _ in 0..<subjects {
                let id = UUID()
                let last = end.addingTimeInterval(-Double(Int.random(in: 1...2_030, using: &random)) * 86_400)
                try subject.execute(arguments: [id, workspace.uuidString, key, last, last])
                try identifier.execute(arguments: [
                    workspace.uuidString, Data(UUID().uuidString.utf8), id,
                ])
                for index in 0..<recordsPerSubject {
                    try part.execute(arguments: [
                        UUID(), roles[index % roles.count], workspace.uuidString, types[index % types.count], id, last,
                        last, sealed,
                    ])
                }
            }
        }
        // Setup, not the sweep: fold the write-ahead log into the database, as a running store's
        // checkpoints would have long before a sweep.
        try queue.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }
}
