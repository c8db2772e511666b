import CustosCore
import CustosServices
import Foundation
import Synchronization

/// The imports started from this server's console, kept in memory for a day so their pages can
/// show progress and then the report. An import outlives the request that started it, not the
/// server: a file too large to wait for belongs on the command line (`custos import`).
final class ImportJobs: Sendable {
    /// How long a finished import's report stays to be read.
    static let kept: TimeInterval = 24 * 3600
    /// The largest file the console takes.
    static let maxFileSize = 32 * 1024 * 1024

    private let jobs = Mutex<[UUID: ImportJob]>([:])

    /// The job `id`, if `userID` started it.
    func job(_ id: UUID, of userID: UUID) -> ImportJob? {
        jobs.withLock { $0[id] }.flatMap { $0.userID == userID ? $0 : nil }
    }

    /// The user's jobs, latest first.
    func jobs(of userID: UUID) -> [ImportJob] {
        jobs.withLock { Array($0.values) }.filter { $0.userID == userID }.sorted { $0.startedAt > $1.startedAt }
    }

    /// Starts importing `csv` as records of `recordType` into `vault`, for `purpose` (every person
    /// in it of the school `schoolID`, when given), in the background, as `user`.
    /// The bytes are written to a file only this process may read, for the importer's stream,
    /// and deleted when it is done.
    func start(
        _ csv: Data, fileName: String, recordType: RecordType, purpose: String, schoolID: UUID? = nil, dryRun: Bool,
        vault: Vault,
        userID: UUID, user: DataUser
    ) throws -> ImportJob {
        let job = ImportJob(
            userID: userID, workspaceID: vault.workspace.id, typeName: recordType.name, fileName: fileName,
            dryRun: dryRun)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "custos-import-\(job.id.uuidString).csv")
        guard FileManager.default.createFile(atPath: file.path, contents: csv, attributes: [.posixPermissions: 0o600])
        else { throw CocoaError(.fileWriteUnknown) }
        jobs.withLock { all in
            all = all.filter { $0.value.isRunning || $0.value.startedAt > Date().addingTimeInterval(-Self.kept) }
            all[job.id] = job
        }
        // A file's name may name people ("smith-family.csv"): it is not kept as the records' source.
        let source = RecordSource(kind: .importFile)
        Task.detached {
            defer { try? FileManager.default.removeItem(at: file) }
            do {
                let importer = RecordImporter(vault: vault, recordType: recordType, as: user, purpose: purpose)
                let report = try await importer.run(
                    file: file, source: source, schoolID: schoolID, dryRun: dryRun,
                    progress: { job.update(.running(rowsRead: $0)) })
                job.update(.finished(report))
            } catch let error as any CustosError {
                job.update(.failed(error.message))
            } catch {
                job.update(
                    .failed(
                        "The import stopped part-way (\(type(of: error))). Batches before the stop were written; import the file again to finish: rows already written are updated, not added twice."
                    ))
            }
        }
        return job
    }
}
