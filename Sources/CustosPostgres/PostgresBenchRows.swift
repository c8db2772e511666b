public import Foundation
public import Logging
import PostgresNIO

/// For `custos bench --database`: plain PostgreSQL inserts of the rows an import is timed on,
/// without encryption, pseudonymisation or audit, as the baseline the encrypted import is
/// measured against on this backend.
public enum PostgresBenchRows {
    /// Inserts `rows` of `columns` text values into a new table, one statement a row (as the store
    /// writes) in one transaction on one connection, drops the table, and returns the rows
    /// inserted a second.
    public static func plainInsertRate(
        url: PostgresConnectionURL, columns count: Int, rows next: () -> [String]?, logger: Logger
    ) async throws -> Double {
        let connection = try await PostgresConnection.connect(
            configuration: url.connectionConfiguration(), id: 1, logger: logger)
        let table = "bench_plain_\(UInt32.random(in: 0...UInt32.max))"
        let columns = (0..<count).map { "c\($0)" }
        do {
            try await connection.query(
                PostgresQuery(
                    unsafeSQL:
                        "CREATE TABLE \(table) (id BIGSERIAL PRIMARY KEY, \(columns.map { "\($0) TEXT" }.joined(separator: ", ")))"
                ), logger: logger)
            let insert =
                "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\((1...count).map { "$\($0)" }.joined(separator: ", ")))"
            let start = Date()
            var inserted = 0
            try await connection.query("BEGIN", logger: logger)
            while let row = next() {
                var bindings = PostgresBindings(capacity: count)
                for index in 0..<count { bindings.append(index < row.count ? row[index] : "") }
                try await connection.query(PostgresQuery(unsafeSQL: insert, binds: bindings), logger: logger)
                inserted += 1
            }
            try await connection.query("COMMIT", logger: logger)
            let rate = Double(inserted) / Date().timeIntervalSince(start)
            try await connection.query(PostgresQuery(unsafeSQL: "DROP TABLE \(table)"), logger: logger)
            try await connection.close()
            return rate
        } catch {
            try? await connection.close()
            throw PostgresStore.described(error)
        }
    }
}
