import CustosServices
import Foundation
import Synchronization

/// One import started from the console: who started it, what, and how far it has got. The
/// import runs in the background; its page reads this as it goes.
final class ImportJob: Sendable {
    /// How it stands.
    enum State: Sendable {
        case running(rowsRead: Int)
        case finished(ImportReport)
        /// It stopped; the reason is for the user, without personal data.
        case failed(String)
    }

    let id: UUID
    /// The console user who started it; only they see it.
    let userID: UUID
    let workspaceID: UUID
    let typeName: String
    let fileName: String
    let dryRun: Bool
    let startedAt: Date
    private let current = Mutex<State>(.running(rowsRead: 0))

    init(userID: UUID, workspaceID: UUID, typeName: String, fileName: String, dryRun: Bool, startedAt: Date = Date()) {
        id = UUID()
        self.userID = userID
        self.workspaceID = workspaceID
        self.typeName = typeName
        self.fileName = fileName
        self.dryRun = dryRun
        self.startedAt = startedAt
    }

    var state: State { current.withLock { $0 } }

    func update(_ state: State) { current.withLock { $0 = state } }

    var isRunning: Bool {
        if case .running = state { return true }
        return false
    }
}
