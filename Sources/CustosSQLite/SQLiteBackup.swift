public import CustosStorage
public import Foundation
import GRDB

/// Copies of a SQLite data folder's database, and restoring one. A copy is made with SQLite's
/// online backup, so the server may keep running; it holds the wrapped keys but not the master key,
/// which is backed up apart. Restoring puts a copy in place of the database, then replays the
/// erasure journal of the database it replaces (``ErasureReplay``), so no one erased since the copy
/// comes back.
public enum SQLiteBackup {
    /// Writes a copy of the database in `directory` to `file`, readable by its owner only.
    /// Throws when `file` exists.
    public static func backup(directory: URL, to file: URL) throws {
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw StoreError.invalidBackup("\(file.path) exists: choose a new file for the backup")
        }
        let source = try DatabaseQueue(
            path: directory.appendingPathComponent(SQLiteStore.fileName).path, configuration: readOnly)
        _ = FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600])
        let copy = try DatabaseQueue(path: file.path)
        try source.backup(to: copy)
        try copy.close()
    }

    /// Puts the copy in `file` in place of the database in `directory`, and returns the erasure
    /// journal of the database it replaced, for the caller to replay into the restored one. Throws,
    /// changing nothing, when `file` is not a Custos database.
    public static func restore(from file: URL, into directory: URL) async throws -> [ErasureJournalEntry] {
        let manager = FileManager.default
        do {
            let copy = try DatabaseQueue(path: file.path, configuration: readOnly)
            let isCustos = try await copy.read { db in try db.tableExists("workspace") && db.tableExists("subject") }
            try copy.close()
            guard isCustos else { throw StoreError.invalidBackup("\(file.path) is not a Custos backup") }
        } catch let error as DatabaseError {
            throw StoreError.invalidBackup("\(file.path) is not a Custos backup: \(error.message ?? "unreadable")")
        }
        let database = directory.appendingPathComponent(SQLiteStore.fileName)
        var journal: [ErasureJournalEntry] = []
        if manager.fileExists(atPath: database.path) {
            journal = try await SQLiteStore(directory: directory).erasureJournal()
            // Everything written goes into the database file itself, so its write-ahead log can
            // be removed with nothing lost, and never be read against the copy.
            let current = try DatabaseQueue(path: database.path)
            _ = try await current.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            try current.close()
        } else {
            try manager.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let incoming = directory.appendingPathComponent("\(SQLiteStore.fileName).restoring")
        try? manager.removeItem(at: incoming)
        try manager.copyItem(at: file, to: incoming)
        try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: incoming.path)
        for suffix in ["-wal", "-shm"] {
            try? manager.removeItem(atPath: database.path + suffix)
        }
        // rename(2) puts the copy in place in one step: the folder never holds no database.
        guard rename(incoming.path, database.path) == 0 else {
            throw StoreError.invalidBackup("cannot put the copy in place of \(database.path) (error \(errno))")
        }
        return journal
    }

    private static var readOnly: Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        return configuration
    }
}
