public import Foundation

/// Where console imports are kept (``ImportJobRecord``), so any server can show one.
public protocol ImportJobStore: Sendable {
    /// Records a new import, running.
    func addImportJob(_ job: ImportJobRecord) async throws

    /// Records how far `id` has got (and that its server is alive), while it runs.
    func updateImportProgress(_ id: UUID, rowsRead: Int) async throws

    /// Records how `id` ended, with its sealed report or reason.
    func endImportJob(_ id: UUID, state: ImportJobRecord.State, rowsRead: Int, sealed: Data) async throws

    /// The import `id`.
    func importJob(_ id: UUID) async throws -> ImportJobRecord?

    /// The imports `userID` started in `workspaceID` since `since`, latest first.
    func importJobs(of userID: UUID, in workspaceID: UUID, since: Date) async throws -> [ImportJobRecord]

    /// Marks failed every running import whose server has not said it was running it within
    /// `silence` (by the database's clock): that server stopped. Returns how many.
    func failSilentImportJobs(silentFor silence: TimeInterval) async throws -> Int

    /// Removes imports started before `time`.
    func removeImportJobs(startedBefore time: Date) async throws
}
