import ArgumentParser
import CustosCore
import CustosDeployment
import CustosExamples
import CustosServices
import Foundation
import Logging

/// `custos bench store`: the personal-data store's speed and memory figures, on synthetic data in
/// a temporary folder. Build with `-c release` for figures worth reporting.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure import, lookup and memory on synthetic data (use a release build).",
        discussion: """
            Prints: encrypted, pseudonymised import of ASSET pupil rows (rows/s) beside plain SQLite \
            inserts of the same rows in the same run; the median time to find a contact by email among \
            --subjects people and decrypt their records (audited, as every read is); and the peak \
            resident memory; then, with consents, withdrawals, suppressions and restrictions mixed into \
            the contacts, the time to decide the audience for ASSET's newsletter and to export it.
            """)

    @Option(help: "Pupil rows to import.")
    var rows = 100_000

    @Option(help: "Contacts to hold for the lookup test.")
    var subjects = 100_000

    @Option(help: "Lookups to time.")
    var lookups = 2_000

    @Flag(help: "Keep the temporary folder (printed) instead of removing it.")
    var keep = false

    @Option(help: "Access requests and erasures to time, after the audience.")
    var requests = 200

    @Option(
        help: ArgumentHelp(
            "Measure on this PostgreSQL database instead of SQLite (postgres://user@host:port/database); a workspace of its own is made in it.",
            valueName: "url"))
    var database: String?

    @Option(
        help: ArgumentHelp(
            "Time only the audience (its export first, in a fresh process) and access requests, again, in a folder kept by an earlier run with --keep.",
            valueName: "folder"))
    var audienceFrom: String?

    @Flag(help: "Time only the retention plan and run, over --subjects ASHE heads with 5 records each.")
    var retention = false

    @Flag(
        help:
            "Time only the console's pages over --subjects BEP registered users: a school leader's school of 2,000, a search by name, the audit log."
    )
    var console = false

    func validate() throws {
        if database != nil, console || audienceFrom != nil {
            throw ValidationError(
                "--database: --console and --audience-from measure an SQLite data folder; leave out --database"
            )
        }
        if let database { _ = try StoreLocation(dataDirectory: ".", databaseURL: database) }
    }

    func run() async throws {
        if console {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "custos-bench-console-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try await ConsoleBench(subjects: subjects, schoolSize: min(2000, subjects), views: lookups).run(
                folder: folder)
            return
        }
        if retention {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "custos-bench-retention-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
            if keep { print("Folder: \(folder.path)") }
            try await RetentionBench(subjects: subjects, recordsPerSubject: 5).run(folder: folder, database: database)
            return
        }
        if let audienceFrom {
            try await rerunAudience(in: URL(fileURLWithPath: audienceFrom))
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("custos-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
        if keep { print("Folder: \(folder.path)") }
        let asset = try ExamplePolicy.asset.load()
        let pupilType = try require(asset.policy.recordType("pupil_assessment"))
        let contactType = try require(asset.policy.recordType("contact"))

        let pupils = folder.appendingPathComponent("pupils.csv")
        try SyntheticData.writePupils(count: rows, to: pupils)
        let location =
            try database.map { try StoreLocation(dataDirectory: ".", databaseURL: $0) }
            ?? .sqlite(directory: folder.appendingPathComponent("data"))
        let backend = database == nil ? "SQLite" : "PostgreSQL"
        print("backend: \(location)")
        let logger = Logger(label: "custos.bench")
        let reader = try SyntheticData.reader(pupils)
        let baseline = try await PlainInsertBaseline.insertRate(
            at: location, columns: (reader.headerRow ?? []).count, rows: { reader.next() }, scratch: folder,
            logger: logger)
        print("plain \(backend) inserts of the same rows: \(Int(baseline)) rows/s")

        let keys = MasterKeySource(fileURL: folder.appendingPathComponent("master.key"), environment: [:])
        try keys.createIfAbsent()
        try await location.withInstallation(keys: keys, logger: logger) { installation in
            // A database may hold earlier runs' workspaces; each run makes its own.
            let name = database == nil ? "bench" : "bench-\(UInt32.random(in: 0...UInt32.max))"
            let (workspace, _) = try await installation.createWorkspace(
                name: name, title: "Bench", policy: asset, by: "bench")
            let vault = try await installation.vault(workspace, policy: asset.policy)
            let start = Date()
            let report = try await Self.importer(vault, pupilType).run(file: pupils, dryRun: false)
            let seconds = Date().timeIntervalSince(start)
            let rate = Double(report.created) / seconds
            print(
                "encrypted import of \(report.created) pupil rows (name and UPN pseudonymised): \(Int(rate)) rows/s, \(String(format: "%.0f", rate / baseline * 100))% of plain \(backend)"
            )
            print("peak resident memory after the import: \(Self.peakResidentMegabytes()) MB")

            let contacts = folder.appendingPathComponent("contacts.csv")
            try SyntheticData.writeContacts(count: subjects, to: contacts)
            let contactStart = Date()
            _ = try await Self.importer(vault, contactType).run(file: contacts, dryRun: false)
            print(
                "imported \(subjects) contacts in \(String(format: "%.1f", Date().timeIntervalSince(contactStart))) s")
            var finds: [Double] = []
            var reads: [Double] = []
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<lookups {
                let email = SyntheticData.email(Int.random(in: 0..<subjects, using: &generator))
                let lookupStart = DispatchTime.now().uptimeNanoseconds
                guard let id = try await vault.subjectIDs(identifierKind: "email", value: email).first else {
                    throw CommandFailure(message: "bench: a synthetic contact was not found")
                }
                let found = DispatchTime.now().uptimeNanoseconds
                // Through the door, as the API and the console read: the purpose decided, then the read.
                let view = try await vault.read(
                    subject: id,
                    as: DataUser(actor: "bench", access: StaffAccess(role: .dpo, schoolID: nil, policy: vault.policy)),
                    purpose: "account_management", reason: "benchmark")
                guard view.records.count == 1 else { throw CommandFailure(message: "bench: wrong record count") }
                finds.append(Double(found - lookupStart) / 1_000_000)
                reads.append(Double(DispatchTime.now().uptimeNanoseconds - lookupStart) / 1_000_000)
            }
            print("find by email among \(subjects) people: \(Self.summary(finds))")
            print(
                "find by email, then read and decrypt their records through the door (purpose decided), audited (one durable commit): \(Self.summary(reads))"
            )
            try await AudienceBench(vault: vault, count: subjects).run()
            if requests > 0 { try await RequestBench(vault: vault, count: requests).run(folder: folder) }
        }
        print("peak resident memory: \(Self.peakResidentMegabytes()) MB")
    }

    /// The audience part alone, on the contacts (already mixed) of a kept folder.
    private func rerunAudience(in folder: URL) async throws {
        let keys = MasterKeySource(fileURL: folder.appendingPathComponent("master.key"), environment: [:])
        try await StoreLocation.sqlite(directory: folder.appendingPathComponent("data")).withInstallation(
            keys: keys, logger: Logger(label: "custos.bench")
        ) { installation in
            guard let workspace = try await installation.workspace(named: "bench") else {
                throw CommandFailure(message: "bench: \(folder.path) holds no bench workspace")
            }
            let vault = try await installation.vault(workspace)
            let count = try await vault.subjectIDs(withRecordsOfTypes: ["contact"]).count
            try await AudienceBench(vault: vault, count: count).run(mixing: false)
            try await RequestBench(vault: vault, count: lookups).run(folder: folder)
        }
    }

    /// An importer of `type` acting as the DPO, for the first purpose the type is kept for.
    static func importer(_ vault: Vault, _ type: RecordType) -> RecordImporter {
        RecordImporter(
            vault: vault, recordType: type,
            as: DataUser(actor: "bench", access: StaffAccess(role: .dpo, schoolID: nil, policy: vault.policy)),
            purpose: RolePurposeRule.purposes(of: .dpo, .update, recordType: type, policy: vault.policy).first)
    }

    /// The median and 95th percentile of times in milliseconds.
    static func summary(_ times: [Double]) -> String {
        let sorted = times.sorted()
        return
            "median \(String(format: "%.3f", sorted[sorted.count / 2])) ms, p95 \(String(format: "%.3f", sorted[sorted.count * 95 / 100])) ms"
    }

    private func require<T>(_ value: T?) throws -> T {
        guard let value else { throw CommandFailure(message: "bench: the ASSET example lacks a record type") }
        return value
    }

    static func peakResidentMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss / 1024)
    }

    /// Starts the peak resident memory over from what is resident now (Linux: `clear_refs`), so
    /// that ``peakResidentMegabytesSinceReset()`` gives the peak of what follows; false where that
    /// is not to be had.
    static func resetPeakResident() -> Bool {
        guard let file = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? file.close() }
        return (try? file.write(contentsOf: Data("5".utf8))) != nil
    }

    /// The peak resident memory since ``resetPeakResident()`` (`VmHWM`), in MB, or nil where that
    /// is not to be had.
    static func peakResidentMegabytesSinceReset() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.dropFirst("VmHWM:".count).split(whereSeparator: \.isWhitespace).first ?? "").map {
                $0 / 1024
            }
        }
        return nil
    }

    /// The processor time the process has used so far (user and system), in seconds.
    static func processorSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The bytes the process has caused to be written to storage so far (Linux's
    /// `/proc/self/io`), or nil where that is not to be had.
    static func bytesWritten() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/io", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("write_bytes:") {
            return Int(line.dropFirst("write_bytes:".count).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}
