public import Foundation

/// Starts the tests' child processes: the one place to change how they are started.
///
/// Foundation's `Process.run()` on Linux (Swift 6.3.1) crashes now and then with a bad read
/// inside it: `findMaximumOpenFromProcSelfFD()` copies a whole `dirent` name past the end of
/// glibc's buffer while listing `/proc/self/fd` (swift-corelibs-foundation pull request 5472,
/// fixed after 6.3.1). Nothing done around the call avoids it; moving these launches to
/// swiftlang/swift-subprocess would.
public enum ProcessLaunch {
    /// Starts `process`.
    public static func start(_ process: Process) throws {
        try process.run()
    }
}
