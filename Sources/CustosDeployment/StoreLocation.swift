public import CustosCore
import CustosPostgres
import CustosSQLite
public import CustosServices
public import Foundation
public import Logging
public import ServiceLifecycle

/// Where the data lives: an SQLite data folder (the default) or a PostgreSQL server.
///
/// The composition root: the one place that turns `--data` or `--database` into a store, opens
/// it as an ``Installation`` and hands the installation on. Nothing else names a backend.
public enum StoreLocation: Sendable, CustomStringConvertible {
    case sqlite(directory: URL)
    /// A PostgreSQL server, as a URL (`postgres://user:password@host:port/database`), checked.
    case postgres(url: String)

    /// The location the command-line options name: `--database` wins over `--data`. A database
    /// URL that cannot be used is refused here, naming what is wrong with it.
    public init(dataDirectory: String, databaseURL: String?) throws {
        if let databaseURL {
            _ = try PostgresConnectionURL(databaseURL)
            self = .postgres(url: databaseURL)
        } else {
            self = .sqlite(directory: URL(fileURLWithPath: dataDirectory, isDirectory: true))
        }
    }

    public var description: String {
        switch self {
        case .sqlite(let directory): "SQLite: \(directory.appendingPathComponent(SQLiteStore.fileName).path)"
        case .postgres(let url): "PostgreSQL: \((try? PostgresConnectionURL(url))?.description ?? "(unusable URL)")"
        }
    }

    /// `error` with a database's refusal told by its SQLSTATE and message (PostgreSQL's driver
    /// describes its errors only as "Generic description"); any other error as it is.
    public static func described(_ error: any Error) -> any Error {
        PostgresStore.described(error)
    }

    /// Opens the store, brings its schema up to date, runs `body` with the installation over it,
    /// and closes it. For PostgreSQL the connection pool runs for as long as `body` does.
    public func withInstallation<Result: Sendable>(
        keys: MasterKeySource, logger: Logger, _ body: (Installation) async throws -> Result
    ) async throws -> Result {
        try await withStore(logger: logger) { store in try await body(Installation(store: store, keys: keys)) }
    }

    /// Opens the store itself, for the tests of the backends.
    func withStore<Result: Sendable>(
        logger: Logger, _ body: (any CustosStore) async throws -> Result
    ) async throws -> Result {
        switch self {
        case .sqlite(let directory):
            return try await body(SQLiteStore(directory: directory, memory: try Self.sqliteMemory()))
        case .postgres(let url):
            let store = PostgresStore(url: try PostgresConnectionURL(url), logger: logger)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await store.run() }
                defer { group.cancelAll() }
                try await store.migrate()
                // What the command wrote to the audit log is chained before it ends.
                do {
                    let result = try await body(store)
                    _ = try? await store.chainPendingAudit(waiting: true)
                    return result
                } catch {
                    _ = try? await store.chainPendingAudit(waiting: true)
                    throw error
                }
            }
        }
    }

    /// Opens the installation for a process that serves until it is stopped (the server, the
    /// demo). Run its ``OpenedInstallation/services`` beside the server and finish its
    /// ``OpenedInstallation/prepare`` before listening.
    public func open(keys: MasterKeySource, logger: Logger) throws -> OpenedInstallation {
        switch self {
        case .sqlite(let directory):
            return OpenedInstallation(
                installation: Installation(
                    store: try SQLiteStore(directory: directory, memory: try Self.sqliteMemory()), keys: keys),
                services: [],
                prepare: {})
        case .postgres(let url):
            let store = PostgresStore(url: try PostgresConnectionURL(url), logger: logger)
            return OpenedInstallation(
                installation: Installation(store: store, keys: keys), services: [store],
                prepare: { try await store.migrate() })
        }
    }

    /// The page caches the environment allows an SQLite store (``SQLiteMemorySettings``).
    static func sqliteMemory() throws -> SQLiteMemorySettings {
        try SQLiteMemorySettings(environment: ProcessInfo.processInfo.environment)
    }

    /// Copies an SQLite data folder's database to `file`, consistently, while it may be in use.
    /// PostgreSQL is backed up with its own tools.
    public func backup(to file: URL) throws {
        guard case .sqlite(let directory) = self else { throw StoreLocationError.sqliteOnly("backup") }
        try SQLiteBackup.backup(directory: directory, to: file)
    }

    /// Whether the location holds a database already: an SQLite folder with its file (a
    /// PostgreSQL database is taken to exist).
    public var holdsDatabase: Bool {
        guard case .sqlite(let directory) = self else { return true }
        return FileManager.default.fileExists(atPath: directory.appendingPathComponent(SQLiteStore.fileName).path)
    }

    /// Puts the backup `file` in place of an SQLite data folder's database, and returns the
    /// erasure journal of the database it replaced, to be re-applied
    /// (``Installation/erasureReplay``) so that no one erased since the copy comes back.
    public func restore(from file: URL) async throws -> [ErasureJournalEntry] {
        guard case .sqlite(let directory) = self else { throw StoreLocationError.sqliteOnly("restore") }
        return try await SQLiteBackup.restore(from: file, into: directory)
    }

    /// For `custos bench --retention`: lays `subjects` synthetic people with `recordsPerSubject`
    /// record parts each (sealed parts of random bytes) straight into a workspace, last active on
    /// days spread over the 2,030 before `asOf`.
    public func layRetentionBenchPeople(
        workspace: UUID, subjects: Int, recordsPerSubject: Int, asOf: CalendarDay, logger: Logger
    ) async throws {
        switch self {
        case .sqlite(let directory):
            try SQLiteBenchRows.layRetentionPeople(
                into: directory, workspace: workspace, subjects: subjects, recordsPerSubject: recordsPerSubject,
                asOf: asOf)
        case .postgres(let url):
            try await PostgresRetentionBenchRows.lay(
                url: try PostgresConnectionURL(url), workspace: workspace, subjects: subjects,
                recordsPerSubject: recordsPerSubject, asOf: asOf, logger: logger)
        }
    }
}

/// An installation opened for a long-running process.
public struct OpenedInstallation: Sendable {
    public let installation: Installation
    /// Services to run beside the server (PostgreSQL's connection pool).
    public let services: [any Service]
    /// Work to finish, once the services run, before the server listens (PostgreSQL's migrations).
    public let prepare: @Sendable () async throws -> Void
}

/// What a location cannot do.
public enum StoreLocationError: Error, Sendable, Equatable {
    /// Only an SQLite data folder has it (`backup`, `restore`, ...).
    case sqliteOnly(String)
}
