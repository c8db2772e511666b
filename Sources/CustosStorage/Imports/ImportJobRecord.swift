public import Foundation

/// An import started from the console, as every server sees it: who started it, how far it has
/// got, and how it ended. The file's name and the report (which may quote what was in the file)
/// are sealed; the rest holds no personal data.
public struct ImportJobRecord: Sendable, Hashable {
    /// How it stands.
    public enum State: String, Sendable {
        case running, finished, failed
    }

    public var id: UUID
    public var workspaceID: UUID
    /// The console user who started it.
    public var userID: UUID
    public var recordType: String
    public var dryRun: Bool
    public var startedAt: Date
    /// The server running it (``JobClaim/processHolder``).
    public var holder: UUID
    /// When the server running it last said it was (by the database's clock; set by the store).
    public var seenAt: Date
    public var state: State
    public var rowsRead: Int
    /// The file's name and, once ended, the report or why it failed, sealed by the workspace.
    public var sealed: Data

    public init(
        id: UUID, workspaceID: UUID, userID: UUID, recordType: String, dryRun: Bool, startedAt: Date, holder: UUID,
        seenAt: Date = Date(), state: State = .running, rowsRead: Int = 0, sealed: Data
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.userID = userID
        self.recordType = recordType
        self.dryRun = dryRun
        self.startedAt = startedAt
        self.holder = holder
        self.seenAt = seenAt
        self.state = state
        self.rowsRead = rowsRead
        self.sealed = sealed
    }
}
