public import Foundation
import Subprocess

#if canImport(System)
import System
#else
import SystemPackage
#endif

/// A child process of the tests (the built `custos`, curl, chromedriver, Python scripts): the one
/// place that starts them, shaped like the part of Foundation's `Process` the tests use.
///
/// It is not Foundation's `Process`: on Linux (Swift 6.3.1) `Process.run()` crashes now and then
/// with a bad read inside it, `findMaximumOpenFromProcSelfFD()` copying a whole `dirent` name past
/// the end of glibc's buffer while listing `/proc/self/fd` (swift-corelibs-foundation pull request
/// 5472, fixed after 6.3.1), and nothing done around the call avoids it. The processes are started
/// by swiftlang/swift-subprocess instead.
///
/// The API stays synchronous, as `Process`'s is, and tests call it from the cooperative threads
/// (two, on a two-core machine) that a blocking wait holds. So nothing a wait waits for may need a
/// cooperative thread:
/// - Subprocess's `run` goes in a task whose executor preference is a serial queue of its own, so
///   the child is spawned, and `start()` returns, without one.
/// - The exit is seen by a thread of the child's own, waiting with `waitid(WNOWAIT)`: it records
///   the status and leaves the child to Subprocess to reap once that thread has told it. The end of
///   Subprocess's `run` is not waited for (part of it runs on the global pool).
///
/// Each standard stream is `nil` (this process's own, as with `Process`), a `FileHandle` (used as
/// it is and left open: whoever made it closes it; `FileHandle.nullDevice` is `/dev/null`) or a
/// `Pipe` (the child's end is closed here once the child has it, as `Process` does, so that a read
/// of the other end ends when the child exits). The child gets no other descriptor of this process:
/// Subprocess closes the rest in the child.
///
/// Configure it, then `start()` it once; the properties are not read after that.
public final class ChildProcess: @unchecked Sendable {
    /// The program to run.
    public var executableURL: URL?
    /// The arguments, without the program's name.
    public var arguments: [String] = []
    /// The child's environment; `nil` passes on this process's.
    public var environment: [String: String]?
    /// The child's working directory; `nil` leaves it this process's.
    public var currentDirectoryURL: URL?
    /// `nil`, a `FileHandle` or a `Pipe`.
    public var standardInput: Any?
    /// `nil`, a `FileHandle` or a `Pipe`.
    public var standardOutput: Any?
    /// `nil`, a `FileHandle` or a `Pipe`.
    public var standardError: Any?

    /// How the process ended, as `Process.TerminationReason` says it.
    public enum TerminationReason: Sendable {
        /// It exited; `terminationStatus` is its exit code.
        case exit
        /// A signal ended it; `terminationStatus` is the signal's number.
        case uncaughtSignal
    }

    private enum State {
        case notStarted
        case starting
        case failedToStart(any Error)
        case running(pid: pid_t)
        case exited(pid: pid_t, status: Int32, reason: TerminationReason)
    }

    /// Guards `state` and `exitWaiters`, and is signalled when `state` changes.
    private let condition = NSCondition()
    private var state = State.notStarted
    private var exitWaiters: [CheckedContinuation<Void, Never>] = []

    public init() {}

    /// Starts the process; returns once it runs, and throws if it could not be started.
    public func start() throws {
        guard let executableURL else { throw ChildProcessError("no executable to run") }
        // The ends of pipes that are the child's, and a /dev/null opened here: closed once the child
        // has its copies (or will never have them).
        var closeAfterStart: [FileHandle] = []
        defer {
            var closed: [FileHandle] = []
            for handle in closeAfterStart where !closed.contains(where: { $0 === handle }) {
                try? handle.close()
                closed.append(handle)
            }
        }
        let inputDescriptor = try Self.descriptor(
            standardInput, or: .standardInput, childReads: true, closing: &closeAfterStart)
        let outputDescriptor = try Self.descriptor(
            standardOutput, or: .standardOutput, childReads: false, closing: &closeAfterStart)
        let errorDescriptor = try Self.descriptor(
            standardError, or: .standardError, childReads: false, closing: &closeAfterStart)
        // Subprocess closes none of them: they are FileHandles', closed by their owners or just above.
        let input: FileDescriptorInput = .fileDescriptor(inputDescriptor, closeAfterSpawningProcess: false)
        let output: FileDescriptorOutput = .fileDescriptor(outputDescriptor, closeAfterSpawningProcess: false)
        let errorOutput: FileDescriptorOutput = .fileDescriptor(errorDescriptor, closeAfterSpawningProcess: false)
        let configuration = Subprocess.Configuration(
            executable: .path(FilePath(executableURL.path)),
            arguments: Subprocess.Arguments(arguments),
            environment: environment.map { Self.subprocessEnvironment($0) } ?? .inherit,
            workingDirectory: currentDirectoryURL.map { FilePath($0.path) }
        )

        condition.lock()
        guard case .notStarted = state else {
            condition.unlock()
            throw ChildProcessError("the process was started already")
        }
        state = .starting
        condition.unlock()

        Task.detached(executorPreference: ChildProcessExecutor.shared) {
            await self.supervise(configuration, input: input, output: output, errorOutput: errorOutput)
        }

        condition.lock()
        while case .starting = state {
            condition.wait()
        }
        let started = state
        condition.unlock()
        if case .failedToStart(let error) = started { throw error }
    }

    /// Waits until the process has exited, blocking the calling thread.
    public func waitUntilExit() {
        condition.lock()
        while isActive {
            condition.wait()
        }
        condition.unlock()
    }

    /// Waits until the process has exited, suspending: for async code, whose thread may be needed.
    public func waitForExit() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            condition.lock()
            if isActive {
                exitWaiters.append(continuation)
                condition.unlock()
            } else {
                condition.unlock()
                continuation.resume()
            }
        }
    }

    /// Whether the process has started and not yet exited.
    public var isRunning: Bool {
        condition.lock()
        defer { condition.unlock() }
        if case .running = state { return true }
        return false
    }

    /// The child's process ID once started; 0 before.
    public var processIdentifier: Int32 {
        condition.lock()
        defer { condition.unlock() }
        switch state {
        case .running(let pid), .exited(let pid, _, _):
            return pid
        case .notStarted, .starting, .failedToStart:
            return 0
        }
    }

    /// The exit code, or the number of the signal that ended the process (see `terminationReason`).
    /// Read only after the process has exited.
    public var terminationStatus: Int32 { termination.status }

    /// Whether the process exited or a signal ended it. Read only after the process has exited.
    public var terminationReason: TerminationReason { termination.reason }

    /// Sends SIGTERM, if the process is running.
    public func terminate() {
        sendSignal(SIGTERM)
    }

    /// Sends SIGINT (Ctrl-C), if the process is running.
    public func interrupt() {
        sendSignal(SIGINT)
    }

    /// Sends the signal `number` (SIGKILL, ...), if the process is running.
    public func sendSignal(_ number: Int32) {
        condition.lock()
        defer { condition.unlock() }
        // While the state says running the child is not yet reaped (it is reaped only after
        // `didExit`, which takes this lock), so its pid is still its own.
        if case .running(let pid) = state { kill(pid, number) }
    }

    // MARK: - Running

    private var isActive: Bool {
        switch state {
        case .starting, .running:
            return true
        case .notStarted, .failedToStart, .exited:
            return false
        }
    }

    private var termination: (status: Int32, reason: TerminationReason) {
        condition.lock()
        defer { condition.unlock() }
        guard case .exited(_, let status, let reason) = state else {
            preconditionFailure("the termination status of a process that has not exited")
        }
        return (status, reason)
    }

    /// Runs the child through Subprocess, on `ChildProcessExecutor`.
    private func supervise(
        _ configuration: Subprocess.Configuration, input: FileDescriptorInput, output: FileDescriptorOutput,
        errorOutput: FileDescriptorOutput
    ) async {
        do {
            _ = try await Subprocess.run(configuration, input: input, output: output, error: errorOutput) { execution in
                await self.watch(execution.processIdentifier.value)
            }
        } catch {
            didFail(error)
        }
    }

    /// Called inside Subprocess's `run` once the child runs; returns once it has exited and its
    /// status is recorded, after which Subprocess reaps it.
    private func watch(_ pid: pid_t) async {
        await withCheckedContinuation { (recorded: CheckedContinuation<Void, Never>) in
            didStart(pid)
            Thread.detachNewThread {
                let (status, reason) = ChildProcess.blockUntilExit(of: pid)
                self.didExit(status: status, reason: reason)
                recorded.resume()
            }
        }
    }

    /// Blocks the calling thread until the child `pid` has exited, and leaves it unreaped.
    private static func blockUntilExit(of pid: pid_t) -> (status: Int32, reason: TerminationReason) {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 {
            // Nothing reaps the child before `watch` returns; an interruption is the one error expected.
            guard errno == EINTR else { return (-1, .exit) }
        }
        #if canImport(Glibc)
        let status = info._sifields._sigchld.si_status
        #else
        let status = info.si_status
        #endif
        return (status, info.si_code == Int32(CLD_EXITED) ? .exit : .uncaughtSignal)
    }

    private func didStart(_ pid: pid_t) {
        condition.lock()
        state = .running(pid: pid)
        condition.broadcast()
        condition.unlock()
    }

    private func didExit(status: Int32, reason: TerminationReason) {
        condition.lock()
        if case .running(let pid) = state { state = .exited(pid: pid, status: status, reason: reason) }
        let waiters = exitWaiters
        exitWaiters = []
        condition.broadcast()
        condition.unlock()
        for waiter in waiters { waiter.resume() }
    }

    /// Subprocess's `run` threw: before the child ran, the start failed; after, the exit is the
    /// watching thread's to report.
    private func didFail(_ error: any Error) {
        condition.lock()
        guard case .starting = state else {
            condition.unlock()
            return
        }
        state = .failedToStart(error)
        let waiters = exitWaiters
        exitWaiters = []
        condition.broadcast()
        condition.unlock()
        for waiter in waiters { waiter.resume() }
    }

    // MARK: - Configuration

    /// The descriptor the child gets for one standard stream: `standard` (this process's own) for
    /// `nil`. Adds to `handles` what is to be closed once the child has started.
    private static func descriptor(
        _ stream: Any?, or standard: FileDescriptor, childReads: Bool, closing handles: inout [FileHandle]
    ) throws -> FileDescriptor {
        guard let stream else { return standard }
        if let pipe = stream as? Pipe {
            let childEnd = childReads ? pipe.fileHandleForReading : pipe.fileHandleForWriting
            handles.append(childEnd)
            return FileDescriptor(rawValue: childEnd.fileDescriptor)
        }
        if let handle = stream as? FileHandle {
            // Foundation's null device has no descriptor of its own.
            guard handle === FileHandle.nullDevice else { return FileDescriptor(rawValue: handle.fileDescriptor) }
            guard let devNull = FileHandle(forUpdatingAtPath: "/dev/null") else {
                throw ChildProcessError("/dev/null could not be opened")
            }
            handles.append(devNull)
            return FileDescriptor(rawValue: devNull.fileDescriptor)
        }
        throw ChildProcessError("a standard stream is nil, a FileHandle or a Pipe, not \(type(of: stream))")
    }

    private static func subprocessEnvironment(_ variables: [String: String]) -> Subprocess.Environment {
        var values: [Subprocess.Environment.Key: String] = [:]
        for (name, value) in variables {
            if let key = Subprocess.Environment.Key(rawValue: name) { values[key] = value }
        }
        return .custom(values)
    }
}

/// Why a `ChildProcess` could not be started (Subprocess's own errors are thrown as they are).
public struct ChildProcessError: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Where the tasks that start and watch child processes run: a serial queue of their own, never a
/// cooperative thread, which a test may be holding in `ChildProcess.waitUntilExit()`. Its jobs are
/// short: nothing run on it blocks for long.
private final class ChildProcessExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = ChildProcessExecutor()

    private let queue = DispatchQueue(label: "custos.tests.child-process")

    func enqueue(_ job: consuming ExecutorJob) {
        let unownedJob = UnownedJob(job)
        queue.async {
            unownedJob.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
