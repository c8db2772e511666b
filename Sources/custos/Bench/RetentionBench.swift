import CustosCore
import CustosDeployment
import CustosExamples
import CustosServer
import CustosServices
import Foundation
import Logging
import Synchronization

/// `custos bench --retention`: the retention sweep over an ASHE workspace of `subjects` heads
/// with `recordsPerSubject` record parts each, last active at spread days over the past 2,030
/// (so about one in ten is past ASHE's 5 years). The people are laid down with plain SQL (sealed
/// parts of random bytes: the sweep opens none), then the plan and the run are timed through the
/// engine itself.
struct RetentionBench {
    let subjects: Int
    let recordsPerSubject: Int

    /// Lays the people and sweeps them in `folder` (its master key, and its SQLite data unless
    /// `database` names a PostgreSQL database, where a workspace of its own is made).
    func run(folder: URL, database: String?) async throws {
        let ashe = try ExamplePolicy.ashe.load()
        let keys = MasterKeySource(fileURL: folder.appendingPathComponent("master.key"), environment: [:])
        try keys.createIfAbsent()
        let asOf = CalendarDay.today
        let location =
            try database.map { try StoreLocation(dataDirectory: ".", databaseURL: $0) }
            ?? .sqlite(directory: folder.appendingPathComponent("data"))
        print("backend: \(location)")
        let logger = Logger(label: "custos.bench")
        try await location.withInstallation(keys: keys, logger: logger) { installation in
            // A database may hold earlier runs' workspaces; each run makes its own.
            let name = database == nil ? "bench" : "bench-\(UInt32.random(in: 0...UInt32.max))"
            let (workspace, _) = try await installation.createWorkspace(
                name: name, title: "Bench", policy: ashe, by: "bench")
            let vault = try await installation.vault(workspace, policy: ashe.policy)
            let layStart = Date()
            try await location.layRetentionBenchPeople(
                workspace: workspace.id, subjects: subjects, recordsPerSubject: recordsPerSubject, asOf: asOf,
                logger: logger)
            print(
                "laid down \(subjects) people with \(subjects * recordsPerSubject) record parts in \(String(format: "%.1f", Date().timeIntervalSince(layStart))) s; peak resident memory so far \(BenchCommand.peakResidentMegabytes()) MB"
            )
            try await sweep(vault, asOf: asOf)
        }
    }

    private func sweep(_ vault: Vault, asOf: CalendarDay) async throws {
        let retention = Retention(vault: vault)
        let planStart = Date()
        // Counted, then let go: the run makes its own plan, and the peak measured is the run's.
        let (items, people) = try await { () async throws -> (Int, Int) in
            let plan = try await retention.plan(asOf: asOf)
            return (plan.count, Set(plan.map(\.subjectID)).count)
        }()
        let planSeconds = Date().timeIntervalSince(planStart)
        print(
            "retention plan over \(subjects) people and \(subjects * recordsPerSubject) records: \(String(format: "%.2f", planSeconds)) s (\(items) items due, \(people) people)"
        )
        let runStart = Date()
        let (processorBefore, writtenBefore) = (BenchCommand.processorSeconds(), BenchCommand.bytesWritten())
        // What the plan of everyone freed is given back first, as a server's trim would: the peak
        // is then the run's own, not what malloc kept of the plan.
        MemoryTrimmer.trim()
        let peakReset = BenchCommand.resetPeakResident()
        // The erasing ends with the last batch that destroys keys; the purge of what they sealed follows.
        let erased = Mutex(runStart)
        let report = try await retention.run(asOf: asOf) { _, _ in erased.withLock { $0 = Date() } }
        let runSeconds = Date().timeIntervalSince(runStart)
        // At least a millisecond: a run that erased no one reports a rate of 0, not a trap.
        let eraseSeconds = max(erased.withLock { $0 }.timeIntervalSince(runStart), 0.001)
        print(
            "retention run, plan included: \(report.subjectsErased) people erased (keys destroyed) in \(String(format: "%.2f", eraseSeconds)) s (\(Int(Double(report.subjectsErased) / eraseSeconds)) people/s); their sealed records purged in \(String(format: "%.2f", runSeconds - eraseSeconds)) s more"
        )
        // Where the time went: the processor, or waiting on the disk.
        let written = BenchCommand.bytesWritten().flatMap { after in
            writtenBefore.map { "; \((after - $0) / 1_000_000) MB written to disk" }
        }
        print(
            "retention run: \(String(format: "%.1f", BenchCommand.processorSeconds() - processorBefore)) s of processor time in \(String(format: "%.1f", runSeconds)) s\(written ?? "")"
        )
        if peakReset, let peak = BenchCommand.peakResidentMegabytesSinceReset() {
            print("peak resident memory during the run: \(peak) MB")
        }
        print("peak resident memory: \(BenchCommand.peakResidentMegabytes()) MB")
    }
}
