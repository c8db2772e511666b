public import Foundation

/// An import started from the console, as its page shows it on any server.
public struct ConsoleImport: Sendable {
    /// How it stands.
    public enum State: Sendable {
        case running(rowsRead: Int)
        case finished(ImportReport)
        /// It stopped; the reason is for the user, without personal data.
        case failed(String)
    }

    public var id: UUID
    public var typeName: String
    public var fileName: String
    public var dryRun: Bool
    public var startedAt: Date
    public var state: State
}
