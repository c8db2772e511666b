import CustosPostgres
import CustosSQLite
public import Foundation
public import Logging

/// For `custos bench`: plain inserts of the rows an import is timed on, without encryption,
/// pseudonymisation or audit, into the same backend, as the baseline the encrypted import is
/// measured against.
public enum PlainInsertBaseline {
    /// Inserts `rows` of `columns` text values in one transaction and returns the rows inserted a
    /// second: into a new SQLite file in `scratch` for an SQLite location, into a new table
    /// (dropped after) for PostgreSQL.
    public static func insertRate(
        at location: StoreLocation, columns: Int, rows: () -> [String]?, scratch: URL, logger: Logger
    ) async throws -> Double {
        switch location {
        case .sqlite:
            return try SQLiteBenchRows.plainInsertRate(
                columns: columns, rows: rows, into: scratch.appendingPathComponent("plain.sqlite"))
        case .postgres(let url):
            return try await PostgresBenchRows.plainInsertRate(
                url: try PostgresConnectionURL(url), columns: columns, rows: rows, logger: logger)
        }
    }
}
