import Logging
import PostgresNIO

/// The PostgreSQL schema, as ordered migrations. They run under an advisory lock, so several
/// servers starting at once apply each migration exactly once.
enum PostgresSchema {
    struct Migration {
        let id: Int
        let name: String
        let statements: [PostgresQuery]
    }

    static let migrations: [Migration] = [
        Migration(
            id: 1, name: "workspaces-and-policy-versions",
            statements: [
                """
                CREATE TABLE workspace (
                    id UUID PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL,
                    created_at TIMESTAMPTZ NOT NULL
                )
                """,
                """
                CREATE TABLE policy_version (
                    workspace_id UUID NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                    number INTEGER NOT NULL,
                    content_hash TEXT NOT NULL,
                    file_name TEXT NOT NULL,
                    source TEXT NOT NULL,
                    recorded_at TIMESTAMPTZ NOT NULL,
                    recorded_by TEXT NOT NULL,
                    PRIMARY KEY (workspace_id, number)
                )
                """,
            ])
    ]

    /// A number only Custos uses for `pg_advisory_xact_lock`.
    private static let lockKey = 0x4375_7374_6F73

    static func migrate(_ client: PostgresClient, logger: Logger) async throws {
        try await client.query(
            """
            CREATE TABLE IF NOT EXISTS custos_migration (
                id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
            )
            """, logger: logger)
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            var applied: Set<Int> = []
            for try await id in try await connection.query("SELECT id FROM custos_migration", logger: logger).decode(
                Int.self)
            {
                applied.insert(id)
            }
            for migration in migrations where !applied.contains(migration.id) {
                for statement in migration.statements {
                    try await connection.query(statement, logger: logger)
                }
                try await connection.query(
                    "INSERT INTO custos_migration (id, name) VALUES (\(migration.id), \(migration.name))",
                    logger: logger)
            }
        }
    }
}
