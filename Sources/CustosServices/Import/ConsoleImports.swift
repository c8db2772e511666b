public import CustosCore
public import CustosStorage
public import Foundation
import Synchronization

/// Imports started from the console: run in the background by the server that took the file,
/// kept in the database (state, progress, and the report sealed by the workspace) so any server
/// can show one, for a day. The uploaded file is written where only this process may read it and
/// removed when the import ends or fails; one left by a server that stopped is found and removed
/// by ``sweep(store:)``, and its import marked failed (importing the file again finishes it:
/// rows already written are updated, not added twice).
public struct ConsoleImports: Sendable {
    let vault: Vault

    /// How long an import stays to be read.
    public static let kept: TimeInterval = 24 * 3600
    /// The largest file the console takes.
    public static let maxFileSize = 32 * 1024 * 1024
    /// How often a running import tells the database it is still running.
    static let touchInterval: Duration = .seconds(5)
    /// How long a running import may be silent before its server is taken to have stopped.
    static let silence: TimeInterval = 60
    /// The uploaded files' names: `custos-import-ID.csv` in the temporary folder.
    static let filePrefix = "custos-import-"

    init(vault: Vault) {
        self.vault = vault
    }

    /// What is sealed in an import's row: the file's name (it may name people), then the report
    /// or why it failed.
    struct Sealed: Codable {
        var fileName: String
        var report: ImportReport?
        var failure: String?
    }

    /// Starts importing `csv` as records of `recordType` for `purpose` (every person in it of the
    /// school `schoolID`, when given), in the background, as `user` (console account `userID`).
    public func start(
        _ csv: Data, fileName: String, recordType: RecordType, purpose: String, schoolID: UUID? = nil, dryRun: Bool,
        userID: UUID, user: DataUser, holder: UUID = JobClaim.processHolder
    ) async throws -> ConsoleImport {
        let id = UUID()
        let started = Date()
        let store = vault.store
        try await store.addImportJob(
            ImportJobRecord(
                id: id, workspaceID: vault.workspace.id, userID: userID, recordType: recordType.name, dryRun: dryRun,
                startedAt: started, holder: holder, sealed: try seal(Sealed(fileName: fileName), id: id)))
        let file = Self.file(for: id)
        guard FileManager.default.createFile(atPath: file.path, contents: csv, attributes: [.posixPermissions: 0o600])
        else {
            try await end(
                id, rowsRead: 0, Sealed(fileName: fileName, failure: "The file could not be stored to import."))
            throw VaultError("the uploaded file cannot be stored to import")
        }
        // A file's name may name people ("smith-family.csv"): it is not kept as the records' source.
        let source = RecordSource(kind: .importFile)
        let importer = RecordImporter(vault: vault, recordType: recordType, as: user, purpose: purpose)
        let rowsRead = RowsRead()
        Task.detached {
            defer { try? FileManager.default.removeItem(at: file) }
            // Tells the database, every few seconds, how far it has got and that it still runs.
            let touching = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: Self.touchInterval)
                    try? await store.updateImportProgress(id, rowsRead: rowsRead.count.load(ordering: .relaxed))
                }
            }
            defer { touching.cancel() }
            var sealed = Sealed(fileName: fileName)
            do {
                sealed.report = try await importer.run(
                    file: file, source: source, schoolID: schoolID, dryRun: dryRun,
                    progress: { rowsRead.count.store($0, ordering: .relaxed) })
            } catch let error as any CustosError {
                sealed.failure = error.message
            } catch {
                sealed.failure =
                    "The import stopped part-way (\(type(of: error))). Batches before the stop were written; import the file again to finish: rows already written are updated, not added twice."
            }
            touching.cancel()
            try? await end(id, rowsRead: sealed.report?.rows ?? rowsRead.count.load(ordering: .relaxed), sealed)
        }
        return ConsoleImport(
            id: id, typeName: recordType.name, fileName: fileName, dryRun: dryRun, startedAt: started,
            state: .running(rowsRead: 0))
    }

    /// The import `id`, if `userID` started it in this workspace within the last day.
    public func job(_ id: UUID, of userID: UUID) async throws -> ConsoleImport? {
        guard let record = try await vault.store.importJob(id), record.workspaceID == vault.workspace.id,
            record.userID == userID, record.startedAt > Date().addingTimeInterval(-Self.kept)
        else { return nil }
        return try view(record)
    }

    /// The imports `userID` started in this workspace within the last day, latest first.
    public func jobs(of userID: UUID) async throws -> [ConsoleImport] {
        try await vault.store.importJobs(
            of: userID, in: vault.workspace.id, since: Date().addingTimeInterval(-Self.kept)
        ).map(view)
    }

    /// Finds imports whose server stopped: marks them failed, removes their files from this
    /// machine's temporary folder (and any file whose import is no longer running), and removes
    /// imports more than a day old. Run by every server now and then.
    public static func sweep(store: any CustosStore) async throws {
        _ = try await store.failSilentImportJobs(silentFor: silence)
        try await store.removeImportJobs(startedBefore: Date().addingTimeInterval(-kept))
        let folder = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasPrefix(filePrefix) && name.hasSuffix(".csv") {
            guard let id = UUID(uuidString: String(name.dropFirst(filePrefix.count).dropLast(4))) else { continue }
            if let job = try await store.importJob(id), job.state == .running { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// Where the uploaded file of import `id` is kept while it runs.
    static func file(for id: UUID) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(filePrefix)\(id.uuidString).csv")
    }

    private func end(_ id: UUID, rowsRead: Int, _ sealed: Sealed) async throws {
        try await vault.store.endImportJob(
            id, state: sealed.failure == nil ? .finished : .failed, rowsRead: rowsRead, sealed: try seal(sealed, id: id)
        )
    }

    private func view(_ record: ImportJobRecord) throws -> ConsoleImport {
        let sealed = try JSONDecoder().decode(
            Sealed.self,
            from: Envelope.open(
                record.sealed, key: vault.requesterKey, context: Self.context(record.id, vault.workspace.id),
                what: "an import's report"))
        let state: ConsoleImport.State =
            switch record.state {
            case .running: .running(rowsRead: record.rowsRead)
            case .finished: sealed.report.map { .finished($0) } ?? .failed("The import's report was lost.")
            case .failed:
                .failed(
                    sealed.failure
                        ?? "The server running the import stopped part-way. Batches before the stop were written; import the file again to finish: rows already written are updated, not added twice."
                )
            }
        return ConsoleImport(
            id: record.id, typeName: record.recordType, fileName: sealed.fileName, dryRun: record.dryRun,
            startedAt: record.startedAt, state: state)
    }

    func seal(_ sealed: Sealed, id: UUID) throws -> Data {
        try Envelope.seal(
            try JSONEncoder().encode(sealed), key: vault.requesterKey, context: Self.context(id, vault.workspace.id))
    }

    /// How many rows a running import has read, shared with the task that reports it.
    private final class RowsRead: Sendable {
        let count = Atomic<Int>(0)
    }

    private static func context(_ id: UUID, _ workspaceID: UUID) -> Envelope.Context {
        Envelope.Context("import-job", workspaceID.uuidString, id.uuidString)
    }
}

extension Vault {
    /// Imports started from the console.
    public var consoleImports: ConsoleImports { ConsoleImports(vault: self) }
}
