public import CustosCore
public import Foundation
import Synchronization

/// Where the master keys live, outside the database: a key file (mode 0600, made by
/// `custos init`), the `CUSTOS_MASTER_KEY` environment variable, which wins when set, or a command
/// named by `CUSTOS_MASTER_KEY_COMMAND` that prints them (so a secrets manager can hold them).
///
/// It reads the keys again when asked for one it does not hold, so a running server picks up a
/// rotation made by `custos keys rotate` without restarting; and before wrapping anything new with
/// keys read more than ``wrappingFreshness`` ago, so no process wraps with a key being retired.
public final class MasterKeySource: Sendable {
    /// The environment variable that holds the keys' text form instead of a file.
    public static let environmentVariable = "CUSTOS_MASTER_KEY"
    /// The environment variable naming a command (run with `/bin/sh -c`) that prints the keys.
    public static let commandVariable = "CUSTOS_MASTER_KEY_COMMAND"
    /// How long keys read from a file or a command are trusted for wrapping something new before
    /// they are read again. Rotation waits longer than this before rewrapping.
    public static let wrappingFreshness: TimeInterval = 15

    public enum Location: Sendable, Equatable, CustomStringConvertible {
        case file(URL)
        case environment(String)
        /// A command whose standard output is the keys' text.
        case command(String)

        public var description: String {
            switch self {
            case .file(let url): url.path
            case .environment(let name): "$\(name)"
            case .command: "the command in $\(MasterKeySource.commandVariable)"
            }
        }
    }

    public let location: Location
    /// The keys' text when they come from the environment.
    private let environmentText: String?
    private let cached: Mutex<(ring: MasterKeyRing, readAt: Date)?>

    /// The environment variable when it is set in `environment`, else the command when one is
    /// named there, else the file at `fileURL`.
    public init(fileURL: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        environmentText = environment[Self.environmentVariable]
        if environmentText != nil {
            location = .environment(Self.environmentVariable)
        } else if let command = environment[Self.commandVariable], !command.isEmpty {
            location = .command(command)
        } else {
            location = .file(fileURL)
        }
        cached = Mutex(nil)
    }

    /// Whether there are keys to read: the environment variable or command is set, or the key
    /// file exists.
    public var isAvailable: Bool {
        switch location {
        case .environment, .command: true
        case .file(let url): FileManager.default.fileExists(atPath: url.path)
        }
    }

    /// Whether Custos can write the keys (a key file); keys in the environment or from a command
    /// are changed by whoever holds them.
    public var isWritable: Bool {
        if case .file = location { return true }
        return false
    }

    /// The keys, read once and then cached.
    public func ring() throws -> MasterKeyRing {
        if let ring = cached.withLock({ $0?.ring }) { return ring }
        return try reload()
    }

    /// The key to wrap something new with: the current key, read again first when the keys were
    /// read more than ``wrappingFreshness`` ago (a rotation may have made another current).
    public func wrappingKey(now: Date = Date()) throws -> MasterKey {
        if case .environment = location { return try ring().current }
        if let held = cached.withLock({ $0 }), now.timeIntervalSince(held.readAt) < Self.wrappingFreshness {
            return held.ring.current
        }
        return try reload().current
    }

    /// Reads the keys again.
    @discardableResult
    public func reload() throws -> MasterKeyRing {
        let text: String
        switch location {
        case .environment:
            text = environmentText ?? ""
        case .command(let command):
            text = try Self.output(of: command)
        case .file(let url):
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw CryptoFailure(
                    "there is no master key file at \(url.path); 'custos init' makes one, or set \(Self.environmentVariable)"
                )
            }
            text = try String(contentsOf: url, encoding: .utf8)
        }
        let ring = try MasterKeyRing(text: text)
        cached.withLock { $0 = (ring, Date()) }
        return ring
    }

    /// What `command` prints, run with `/bin/sh -c`; an error (without its output, which may hold
    /// keys) when it fails.
    private static func output(of command: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            throw CryptoFailure("the master key command in \(commandVariable) cannot be run")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CryptoFailure(
                "the master key command in \(commandVariable) failed with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The ring, read again if it does not hold `id` (another process may have rotated the keys).
    package func ring(holding id: String) throws -> MasterKeyRing {
        let ring = try self.ring()
        if ring.key(id: id) != nil { return ring }
        return try reload()
    }

    /// Writes `ring` to the key file (owner-only, replaced atomically). Keys held in the
    /// environment cannot be written; rotation then needs a key file.
    public func save(_ ring: MasterKeyRing) throws {
        guard case .file(let url) = location else {
            throw CryptoFailure(
                "the master keys come from \(location), which Custos cannot change; add the new key there (custos keys new), then run custos keys rewrap"
            )
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).new")
        guard
            FileManager.default.createFile(
                atPath: temporary.path, contents: Data(ring.text.utf8), attributes: [.posixPermissions: 0o600])
        else { throw CryptoFailure("cannot write the master key file beside \(url.path)") }
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw CryptoFailure("cannot replace the master key file at \(url.path)")
        }
        cached.withLock { $0 = (ring, Date()) }
    }

    /// Records `anchor` in the key file as where the audit chain's keying began, read afresh so
    /// that a rotation made meanwhile by another process is kept. An anchor already recorded is
    /// never replaced. Returns whether the key file now holds `anchor`: false when it holds
    /// another, or when the keys come from the environment, which Custos cannot change.
    public func recordAuditAnchor(_ anchor: AuditAnchor) throws -> Bool {
        guard case .file = location else { return try reload().auditAnchor == anchor }
        var holds = false
        try update { ring in
            if let held = ring.auditAnchor {
                holds = held == anchor
            } else {
                ring.auditAnchor = anchor
                holds = true
            }
        }
        return holds
    }

    /// Changes the key file as `change` says, read afresh and written back under an exclusive lock
    /// (a lock file beside it), so that two processes changing it at once (a rotation, an anchor)
    /// never lose each other's change. Returns the ring written.
    @discardableResult
    public func update(_ change: (inout MasterKeyRing) throws -> Void) throws -> MasterKeyRing {
        guard case .file(let url) = location else {
            throw CryptoFailure(
                "the master keys come from \(location), which Custos cannot change; add the new key there (custos keys new), then run custos keys rewrap"
            )
        }
        let lock = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).lock").path
        let descriptor = open(lock, O_CREAT | O_RDWR, 0o600)
        guard descriptor >= 0 else { throw CryptoFailure("cannot lock the master key file beside \(url.path)") }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else {
            throw CryptoFailure("cannot lock the master key file beside \(url.path)")
        }
        defer { flock(descriptor, LOCK_UN) }
        var ring = try reload()
        try change(&ring)
        try save(ring)
        return ring
    }

    /// Makes a new key file holding one new key, unless keys are already there (file or
    /// environment). Returns whether it made one.
    @discardableResult
    public func createIfAbsent() throws -> Bool {
        guard case .file(let url) = location else { return false }
        if FileManager.default.fileExists(atPath: url.path) { return false }
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let ring = MasterKeyRing(current: MasterKey.generate())
        guard
            FileManager.default.createFile(
                atPath: url.path, contents: Data(ring.text.utf8), attributes: [.posixPermissions: 0o600])
        else { throw CryptoFailure("cannot write the master key file at \(url.path)") }
        cached.withLock { $0 = (ring, Date()) }
        return true
    }
}
