public import CustosServices
public import Foundation
public import Logging
public import ServiceLifecycle

/// Backups of an SQLite data folder on a schedule, run by the server: every ``Settings/every`` a
/// copy of the database into ``Settings/folder`` (made as `custos backup` makes one: recorded
/// first, with the master keys it needs, so that key rotation keeps them), and each copy deleted
/// once ``Settings/keep`` has passed. That deletion is what makes an erasure final in backups:
/// the erasure certificate says when the last backup made before the erasure expires, and from
/// then no copy holds the person's key. Only files this service names (`custos-STAMP.sqlite`)
/// are ever deleted.
public struct ScheduledBackups: Service {
    /// Where, how often, and for how long.
    public struct Settings: Sendable, Equatable {
        public var folder: URL
        public var every: TimeInterval
        public var keep: TimeInterval

        public init(folder: URL, every: TimeInterval, keep: TimeInterval) {
            self.folder = folder
            self.every = every
            self.keep = keep
        }
    }

    /// What one pass did.
    public struct Pass: Sendable, Equatable {
        /// The copy made, if one was due.
        public var made: URL?
        /// The copies deleted, their time kept having passed.
        public var deleted: [URL]

        public init(made: URL?, deleted: [URL]) {
            self.made = made
            self.deleted = deleted
        }
    }

    /// The kind under which scheduled backups are recorded.
    public static let kind = "scheduled"

    let location: StoreLocation
    let installation: Installation
    let settings: Settings
    let logger: Logger

    /// Backups of `location`, which must be an SQLite data folder (PostgreSQL is backed up with
    /// `pg_dump`; see docs/operations.md).
    public init(location: StoreLocation, installation: Installation, settings: Settings, logger: Logger) throws {
        guard case .sqlite = location else { throw StoreLocationError.sqliteOnly("scheduled backups") }
        self.location = location
        self.installation = installation
        self.settings = settings
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                _ = await pass(now: Date())
                // Checked often enough that a copy is deleted within a minute of its time.
                try? await Task.sleep(for: .seconds(min(max(settings.every / 4, 1), 60)))
            }
        }
    }

    /// Makes a copy when the last scheduled one is `every` old (or there is none kept), and
    /// deletes the copies whose time kept has passed. Failures are logged and counted, not thrown:
    /// the next pass tries again.
    public func pass(now: Date) async -> Pass {
        var result = Pass(made: nil, deleted: [])
        do {
            try FileManager.default.createDirectory(
                at: settings.folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let last = try await installation.backupsKept(at: now).filter { $0.kind == Self.kind }.map(\.madeAt).max()
            if last.map({ now.timeIntervalSince($0) >= settings.every }) ?? true {
                let file = try await ServiceMetrics.timed(ServiceMetrics.backup) {
                    let record = try await installation.recordBackup(
                        kind: Self.kind, keepFor: settings.keep, at: now, actor: "system")
                    let file = settings.folder.appendingPathComponent(Self.fileName(madeAt: record.madeAt))
                    try location.backup(to: file)
                    return file
                }
                result.made = file
                ServiceMetrics.count(ServiceMetrics.backups, dimensions: [("outcome", "made")])
                logger.info("backup made", metadata: ["file": "\(file.lastPathComponent)"])
            }
        } catch {
            ServiceMetrics.count(ServiceMetrics.backups, dimensions: [("outcome", "failed")])
            logger.error(
                "backup failed", metadata: ["error": "\(type(of: error))", "folder": "\(settings.folder.path)"])
        }
        result.deleted = deleteExpired(now: now)
        return result
    }

    /// Deletes the copies made `keep` or longer before `now`.
    private func deleteExpired(now: Date) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: settings.folder.path)) ?? []
        var deleted: [URL] = []
        for name in names.sorted() {
            guard let madeAt = Self.madeAt(fileName: name), now.timeIntervalSince(madeAt) >= settings.keep else {
                continue
            }
            let file = settings.folder.appendingPathComponent(name)
            do {
                try FileManager.default.removeItem(at: file)
                deleted.append(file)
                ServiceMetrics.count(ServiceMetrics.backups, dimensions: [("outcome", "deleted")])
                logger.info("backup deleted, its time kept over", metadata: ["file": "\(name)"])
            } catch {
                logger.error("an expired backup cannot be deleted", metadata: ["file": "\(name)"])
            }
        }
        return deleted
    }

    /// `custos-20261206T035520Z.sqlite`: the time the copy was made, in UTC, to the second.
    static func fileName(madeAt: Date) -> String {
        "custos-\(stamp.string(from: madeAt)).sqlite"
    }

    /// The time a file this service named was made; nil for any other file.
    static func madeAt(fileName: String) -> Date? {
        guard fileName.hasPrefix("custos-"), fileName.hasSuffix(".sqlite") else { return nil }
        return stamp.date(from: String(fileName.dropFirst("custos-".count).dropLast(".sqlite".count)))
    }

    private static var stamp: DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter
    }
}
