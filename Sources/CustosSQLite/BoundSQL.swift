import Foundation
import GRDB

/// An SQL statement written as GRDB's `SQL` literal is, with its values interpolated, each
/// `\(value)` sent as a bound parameter, for the statements the store caches and runs on its
/// hot paths (lookups by blind index, each row of an import, each audit entry).
///
/// GRDB's literal builds an expression tree for every value and renders it through a
/// generation context on every call; in `custos bench` that came to 12% of the whole run, and
/// made finding a person by email and a contact decision 10–25% slower than the same statements
/// written with `?` and an argument list. This builds the same text and the same arguments by
/// plain appends, so the statement is found in GRDB's cache by its text and only rebound. There is
/// no way to splice text into it: every interpolation is a value, or a name quoted as one.
struct BoundSQL: ExpressibleByStringInterpolation {
    let text: String
    let arguments: StatementArguments

    init(stringLiteral text: String) {
        self.text = text
        arguments = []
    }

    init(stringInterpolation: StringInterpolation) {
        text = stringInterpolation.text
        arguments = stringInterpolation.arguments
    }

    struct StringInterpolation: StringInterpolationProtocol {
        var text = ""
        // Built value by value with the array literal's initialiser: GRDB's initialiser from a
        // sequence is generic across modules, unspecialised, and cost more than the statement.
        var arguments = StatementArguments()

        init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount)
        }

        mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        /// A value, bound as a parameter; nil is bound as NULL.
        mutating func appendInterpolation(_ value: (some DatabaseValueConvertible)?) {
            text += "?"
            arguments += [value?.databaseValue ?? .null]
        }

        /// A parenthesised list of values for `IN`, each bound as a parameter: `(?, ?, ?)`. Give it
        /// a run of ``IDRuns`` so that the statement's text is one of few, and stays cached.
        mutating func appendInterpolation(list values: some Collection<some DatabaseValueConvertible>) {
            text += "("
            text += repeatElement("?", count: values.count).joined(separator: ", ")
            text += ")"
            for value in values { arguments += [value.databaseValue] }
        }

        /// A table or column name, quoted as an SQL identifier (as GRDB's `\(identifier:)`).
        mutating func appendInterpolation(identifier name: String) {
            text += name.quotedDatabaseIdentifier
        }
    }
}

extension Database {
    /// Rows an ``insert(_:_:values:_:)`` statement takes at most.
    static let rowsAnInsert = 32

    /// The cached statement for `bound`'s text, with its values bound.
    func cachedStatement(bound: BoundSQL) throws -> Statement {
        let statement = try cachedStatement(sql: bound.text)
        try statement.setArguments(bound.arguments)
        return statement
    }

    /// Inserts `items` as rows, up to ``rowsAnInsert`` a statement, in their order: `head` is the
    /// statement up to `VALUES`, `values` one row's parenthesised values, and `tail` what follows
    /// the rows (an `ON CONFLICT` clause), which SQLite applies row by row as if each were
    /// inserted alone. An import writes thousands of rows a transaction, and a statement a row
    /// cost more in running the statement than in the rows.
    func insert<Item>(
        _ items: some Collection<Item>, _ head: String, values: (Item) -> BoundSQL, _ tail: String = ""
    ) throws {
        var rest = items[...]
        while !rest.isEmpty {
            let run = rest.prefix(Self.rowsAnInsert)
            rest = rest.dropFirst(run.count)
            var text = head + " VALUES "
            var arguments = StatementArguments()
            for (position, item) in run.enumerated() {
                let row = values(item)
                if position > 0 { text += ", " }
                text += row.text
                arguments += row.arguments
            }
            text += tail
            // Each count of rows has its text, kept in the cache: at most 32 statements an insert.
            // Short runs are common (a file imported again writes each part's name words as a run
            // of their own, before the next part's replace theirs), so they are not prepared afresh.
            try cachedStatement(sql: text).execute(arguments: arguments)
        }
    }
}
