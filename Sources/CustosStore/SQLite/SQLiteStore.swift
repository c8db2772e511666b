public import Foundation
import GRDB

/// The embedded store: one SQLite file in a data folder, in WAL mode, through GRDB.
public struct SQLiteStore: CustosStore {
    /// The database file's name inside the data folder.
    public static let fileName = "custos.sqlite"

    let pool: DatabasePool
    /// The data folder.
    public let directory: URL

    /// Opens (creating if needed) the store in `directory` and runs its migrations. The folder is
    /// created readable by its owner only.
    public init(directory: URL) throws {
        let manager = FileManager.default
        if !manager.fileExists(atPath: directory.path) {
            try manager.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool(
            path: directory.appendingPathComponent(Self.fileName).path, configuration: configuration)
        try? manager.setAttributes(
            [.posixPermissions: 0o600], ofItemAtPath: directory.appendingPathComponent(Self.fileName).path)
        try SQLiteSchema.migrator.migrate(pool)
        self.directory = directory
    }
}
