public import CustosCore
public import Foundation
import GRDB

/// Synthetic rows for `custos bench --retention`, laid down with plain SQL: people, their
/// identifiers and record parts whose sealed parts are random bytes (the sweep opens none).
public enum SQLiteBenchRows {
    /// People, their identifiers and their record parts, inserted in one transaction.
    public static func layRetentionPeople(
        into directory: URL, workspace: UUID, subjects: Int, recordsPerSubject: Int, asOf: CalendarDay
    ) throws {
        let path = directory.appendingPathComponent(SQLiteStore.fileName).path
        let types = ["member_contact", "booking", "finance_contact", "communications", "school_context"]
        let roles = ["head", "delegate", "contact", "recipient", "head"]
        var configuration = Configuration()
        // People are named by time-ordered ids, as the store names them, so every insert lands at
        // the end of its indexes and a small cache serves (a large one would count in the bench's
        // peak memory, which is the sweep's to show).
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -32768") }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let end = asOf.start(in: CalendarDay.clockTimeZone)
        var random = SystemRandomNumberGenerator()
        try queue.write { db in
            let subject = try db.makeStatement(
                sql: """
                    INSERT INTO subject (id, workspace_id, kind, master_key_id, wrapped_key, created_at, last_activity_at)
                    VALUES (?, ?, 'headteacher', 'bench', ?, ?, ?)
                    """)
            let identifier = try db.makeStatement(
                sql:
                    "INSERT INTO subject_identifier (workspace_id, blind_index, subject_id, kind) VALUES (?, ?, ?, 'email')"
            )
            let part = try db.makeStatement(
                sql: """
                    INSERT INTO record_part (record_id, role, workspace_id, type, subject_id, source_kind, created_at,
                    updated_at, sealed) VALUES (?, ?, ?, ?, ?, 'person', ?, ?, ?)
                    """)
            let key = Data((0..<60).map { _ in UInt8.random(in: 0...255, using: &random) })
            let sealed = Data((0..<200).map { _ in UInt8.random(in: 0...255, using: &random) })
            for _ in 0..<subjects {
                let id = UUID.timeOrdered()
                let last = end.addingTimeInterval(-Double(Int.random(in: 1...2_030, using: &random)) * 86_400)
                try subject.execute(arguments: [id, workspace.uuidString, key, last, last])
                try identifier.execute(arguments: [
                    workspace.uuidString, Data(UUID().uuidString.utf8), id,
                ])
                for index in 0..<recordsPerSubject {
                    try part.execute(arguments: [
                        UUID.timeOrdered(), roles[index % roles.count], workspace.uuidString,
                        types[index % types.count],
                        id, last,
                        last, sealed,
                    ])
                }
            }
        }
        // Setup, not the sweep: fold the write-ahead log into the database, as a running store's
        // checkpoints would have long before a sweep.
        try queue.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }

    /// Inserts `rows` of `columns` text values into a new table of a new plain SQLite file at
    /// `path`, in one transaction, and returns the rows inserted a second.
    public static func plainInsertRate(columns count: Int, rows next: () -> [String]?, into path: URL) throws -> Double
    {
        let queue = try DatabaseQueue(path: path.path)
        let columns = (0..<count).map { "c\($0)" }
        try queue.write { db in
            try db.execute(
                sql:
                    "CREATE TABLE pupil (id INTEGER PRIMARY KEY, \(columns.map { "\($0) TEXT" }.joined(separator: ", ")))"
            )
        }
        let start = Date()
        var inserted = 0
        try queue.inTransaction { db in
            let statement = try db.makeStatement(
                sql:
                    "INSERT INTO pupil (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
            )
            while let row = next() {
                try statement.execute(arguments: StatementArguments(row))
                inserted += 1
            }
            return .commit
        }
        return Double(inserted) / Date().timeIntervalSince(start)
    }
}
