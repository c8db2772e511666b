import GRDB

/// The SQLite schema, as ordered migrations run on every open.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1-workspaces-and-policy-versions") { db in
            try db.execute(
                sql: """
                    CREATE TABLE workspace (
                        id TEXT PRIMARY KEY NOT NULL,
                        name TEXT NOT NULL UNIQUE,
                        title TEXT NOT NULL,
                        created_at DATETIME NOT NULL
                    );
                    CREATE TABLE policy_version (
                        workspace_id TEXT NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
                        number INTEGER NOT NULL,
                        content_hash TEXT NOT NULL,
                        file_name TEXT NOT NULL,
                        source TEXT NOT NULL,
                        recorded_at DATETIME NOT NULL,
                        recorded_by TEXT NOT NULL,
                        PRIMARY KEY (workspace_id, number)
                    );
                    """)
        }
        return migrator
    }
}
