import CustosStorage
import Testing

@testable import CustosPostgres
@testable import CustosSQLite

@Suite("Both backends have the same migrations")
struct SchemaMigrationsTests {
    @Test("SQLite registers every migration of the list, in its order, numbered by its place")
    func sqlite() {
        #expect(SQLiteSchema.migrationIDs == SchemaMigrations.ids)
        #expect(
            SQLiteSchema.migrator.migrations
                == SchemaMigrations.ids.enumerated().map { "\($0.offset + 1)-\($0.element)" })
    }

    @Test("PostgreSQL has every migration of the list under the same id, and no other")
    func postgres() {
        #expect(PostgresSchema.migrationIDs.sorted() == SchemaMigrations.ids.sorted())
        #expect(Set(PostgresSchema.migrationIDs).count == PostgresSchema.migrationIDs.count)
        // Its own numbers only grow: a database migrated before keeps every number it recorded.
        let numbers = PostgresSchema.migrations.map(\.id)
        #expect(numbers == Array(1...numbers.count))
    }
}
