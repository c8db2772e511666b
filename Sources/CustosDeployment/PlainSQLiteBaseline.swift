import CustosSQLite
public import Foundation

/// For `custos bench`: plain SQLite inserts of the rows an import is timed on, without
/// encryption, pseudonymisation or audit, as the baseline the encrypted import is measured against.
public enum PlainSQLiteBaseline {
    /// Inserts `rows` of `columns` text values into a new SQLite file at `file`, in one
    /// transaction, and returns the rows inserted a second.
    public static func insertRate(columns: Int, rows: () -> [String]?, into file: URL) throws -> Double {
        try SQLiteBenchRows.plainInsertRate(columns: columns, rows: rows, into: file)
    }
}
