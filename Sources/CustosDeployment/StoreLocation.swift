public import CustosPostgres
import CustosSQLite
public import CustosStorage
public import Foundation
public import Logging

/// Where the data lives: an SQLite data folder (the default) or a PostgreSQL server.
public enum StoreLocation: Sendable, CustomStringConvertible {
    case sqlite(directory: URL)
    case postgres(PostgresConnectionURL)

    /// The location the command-line options name: `--database` wins over `--data`.
    public init(dataDirectory: String, databaseURL: String?) throws {
        if let databaseURL {
            self = .postgres(try PostgresConnectionURL(databaseURL))
        } else {
            self = .sqlite(directory: URL(fileURLWithPath: dataDirectory, isDirectory: true))
        }
    }

    public var description: String {
        switch self {
        case .sqlite(let directory): "SQLite: \(directory.appendingPathComponent(SQLiteStore.fileName).path)"
        case .postgres(let url): "PostgreSQL: \(url)"
        }
    }

    /// Opens the store, brings its schema up to date, runs `body` with it, and closes it.
    ///
    /// For PostgreSQL the connection pool runs for as long as `body` does.
    public func withStore<Result: Sendable>(
        logger: Logger, _ body: (any CustosStore) async throws -> Result
    ) async throws -> Result {
        switch self {
        case .sqlite(let directory):
            return try await body(SQLiteStore(directory: directory))
        case .postgres(let url):
            let store = PostgresStore(url: url, logger: logger)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await store.run() }
                defer { group.cancelAll() }
                try await store.migrate()
                return try await body(store)
            }
        }
    }
}
