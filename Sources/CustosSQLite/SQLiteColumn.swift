import Foundation
import GRDBSQLite

/// Column values read straight from a stepped SQLite statement, for the few reads that walk a
/// million rows (audiences), where GRDB's general row decoding is most of the cost.
enum SQLiteColumn {
    /// A 16-byte BLOB as a UUID, or nil for anything else.
    static func uuid(_ statement: OpaquePointer, _ column: Int32) -> UUID? {
        guard sqlite3_column_bytes(statement, column) == 16, let bytes = sqlite3_column_blob(statement, column) else {
            return nil
        }
        return UUID(uuid: bytes.loadUnaligned(as: uuid_t.self))
    }

    /// A TEXT value, or nil for NULL.
    static func text(_ statement: OpaquePointer, _ column: Int32) -> String? {
        guard let text = sqlite3_column_text(statement, column) else { return nil }
        return String(cString: text)
    }

    static func double(_ statement: OpaquePointer, _ column: Int32) -> Double {
        sqlite3_column_double(statement, column)
    }

    static func int64(_ statement: OpaquePointer, _ column: Int32) -> Int64 {
        sqlite3_column_int64(statement, column)
    }
}
