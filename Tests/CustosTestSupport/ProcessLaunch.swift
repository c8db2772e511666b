public import Foundation
import Synchronization

/// Starts child processes one at a time. Foundation's `Process.run()` on Linux was seen to crash
/// (a bad read inside it) when tests on several threads started processes at the same moment;
/// starting them under one lock costs nothing the tests notice.
public enum ProcessLaunch {
    private static let lock = Mutex(())

    /// Starts `process`.
    public static func start(_ process: Process) throws {
        try lock.withLock { _ in try process.run() }
    }
}
