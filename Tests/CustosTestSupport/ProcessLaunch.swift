public import Foundation
import Synchronization

/// Starts child processes one at a time, each with its own copy of the environment. Foundation's
/// `Process.run()` on Linux was seen to crash (a bad read inside it, copying the environment) when
/// tests on several threads started processes at once; handing each one the environment read once
/// at start-up, and starting them under one lock, costs nothing the tests notice.
public enum ProcessLaunch {
    private static let lock = Mutex(())
    /// The test process's environment, read once.
    private static let environment = ProcessInfo.processInfo.environment

    /// Starts `process`, with the test process's environment unless it was given its own.
    public static func start(_ process: Process) throws {
        if process.environment == nil { process.environment = environment }
        try lock.withLock { _ in try process.run() }
    }
}
