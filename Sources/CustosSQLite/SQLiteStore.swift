public import CustosStorage
public import Foundation
import GRDB

/// The embedded store: one SQLite file in a data folder, in WAL mode, through GRDB.
public struct SQLiteStore: CustosStore {
    /// The database file's name inside the data folder.
    public static let fileName = "custos.sqlite"

    let pool: DatabasePool
    /// Read-only connections for ``readNow(_:)`` alone (see there).
    private let quickReader: DatabasePool
    /// The token and contact-facts reads of every API request, kept until the next commit.
    let readCache: SQLiteReadCache
    /// The data folder.
    public let directory: URL
    public let auditKeys = AuditKeys()

    /// Opens (creating if needed) the store in `directory` and runs its migrations, its page
    /// caches bounded by `memory`. The folder is created readable by its owner only.
    public init(directory: URL, memory: SQLiteMemorySettings = .standard) throws {
        let manager = FileManager.default
        if !manager.fileExists(atPath: directory.path) {
            try manager.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.maximumReaderCount = memory.readers
        let path = directory.appendingPathComponent(Self.fileName).path
        let checkpointer = SQLiteCheckpointer(path: path)
        configuration.prepareDatabase { db in
            // The writer hands its checkpoints on, to run beside it (the configuration, and so
            // the checkpointer, lasts as long as the writer's connection).
            if !db.configuration.readonly, let writer = db.sqliteConnection {
                checkpointer.install(on: writer)
                // The log may grow past this during a sweep or an import (see the checkpointer);
                // once it starts again from its beginning, the file is cut back to this size.
                try db.execute(sql: "PRAGMA journal_size_limit = \(SQLiteCheckpointer.keptLogBytes)")
            }
            // The writer's cache is the larger: sweeps and imports over a million people write to
            // pages all over the file. A negative size is in KiB.
            let cacheMiB = db.configuration.readonly ? memory.readerCacheMiB : memory.writerCacheMiB
            try db.execute(sql: "PRAGMA cache_size = \(-1_024 * cacheMiB)")
            // Statement journals and sorts in memory, not in temporary files: a sweep's deletes
            // (each cascading, and so journalled) opened and removed a file apiece.
            try db.execute(literal: "PRAGMA temp_store = MEMORY")
        }
        // SQLite makes the -wal and -shm files with the database file's mode, so the file is made
        // owner-only before SQLite first opens it; files an earlier version left wider are narrowed.
        if !manager.fileExists(atPath: path) {
            _ = manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        for file in [path, path + "-wal", path + "-shm"] where manager.fileExists(atPath: file) {
            try? manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try SQLiteSchema.migrator.migrate(pool)
        var readOnly = configuration
        readOnly.readonly = true
        quickReader = try DatabasePool(path: path, configuration: readOnly)
        readCache = try SQLiteReadCache(path: path)
        pool.add(transactionObserver: SQLiteCommitObserver(cache: readCache), extent: .databaseLifetime)
        self.directory = directory
    }

    /// A short read on the calling thread: GRDB's synchronous read, which runs on the caller's
    /// thread, instead of its async read, which hops to a reader's queue and back. For the few
    /// indexed lookups on every API request (the token, the policy version, a person's contact
    /// facts), the two thread switches cost more than the read; in WAL mode a read never waits
    /// for a writer.
    ///
    /// These reads use connections of their own. A synchronous read may block its thread until a
    /// reader is free; were it to share ``pool`` with async reads, which give their reader back
    /// only once resumed on a (possibly blocked) cooperative thread, all could wait on each other.
    func readNow<T>(_ body: (Database) throws -> T) throws -> T {
        try quickReader.read(body)
    }

    public func withRequestReads<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await SQLiteReadCache.$request.withValue(SQLiteReadCache.RequestVersion()) { try await body() }
    }
}
