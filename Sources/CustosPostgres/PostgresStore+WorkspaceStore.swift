public import CustosCore
public import CustosStorage
public import Foundation
import PostgresNIO

extension PostgresStore {
    public func createWorkspace(
        name: String, title: String, policy: LoadedPolicy, by actor: String, at time: Date
    ) async throws -> (Workspace, PolicyVersion) {
        guard Workspace.isValidName(name) else { throw StoreError.invalidWorkspaceName(name) }
        let id = UUID()
        return try await transaction { connection in
            let inserted = try await self.workspaces(
                connection.query(
                    """
                    INSERT INTO workspace (id, name, title, created_at) VALUES (\(id), \(name), \(title), \(time))
                    ON CONFLICT (name) DO NOTHING RETURNING id, name, title, created_at
                    """, logger: self.logger))
            guard let workspace = inserted.first else { throw StoreError.workspaceExists(name) }
            let version = try await Self.insert(
                PolicyVersion(
                    workspaceID: id, number: 1, contentHash: policy.contentHash, fileName: policy.fileName,
                    source: policy.source, recordedAt: time, recordedBy: actor),
                connection, self.logger)
            return (workspace, version)
        }
    }

    public func workspace(named name: String) async throws -> Workspace? {
        try await workspaces(
            client.query(
                "SELECT id, name, title, created_at FROM workspace WHERE name = \(name)", logger: logger)
        ).first
    }

    public func pendingMigrations() async throws -> [String] {
        var applied: Set<Int> = []
        let made = try await client.query("SELECT to_regclass('custos_migration') IS NOT NULL", logger: logger)
        for try await exists in made.decode(Bool.self) where exists {
            let rows = try await client.query("SELECT id FROM custos_migration", logger: logger)
            for try await id in rows.decode(Int.self) { applied.insert(id) }
        }
        return PostgresSchema.migrations.filter { !applied.contains($0.id) }.map(\.name)
    }

    public func workspaces() async throws -> [Workspace] {
        try await workspaces(
            client.query("SELECT id, name, title, created_at FROM workspace ORDER BY name", logger: logger))
    }

    public func recordPolicyVersion(
        _ policy: LoadedPolicy, in workspace: Workspace, by actor: String, at time: Date
    ) async throws -> PolicyVersionOutcome {
        try await transaction { connection in
            // Serialises concurrent applies to the same workspace.
            try await connection.query(
                "SELECT id FROM workspace WHERE id = \(workspace.id) FOR UPDATE", logger: self.logger)
            let current = try await Self.versions(
                connection.query(
                    "\(unescaped: Self.versionColumns) WHERE workspace_id = \(workspace.id) ORDER BY number DESC LIMIT 1",
                    logger: self.logger)
            ).first
            if let current, current.contentHash == policy.contentHash { return .unchanged(current) }
            let version = PolicyVersion(
                workspaceID: workspace.id, number: (current?.number ?? 0) + 1, contentHash: policy.contentHash,
                fileName: policy.fileName, source: policy.source, recordedAt: time, recordedBy: actor)
            return .recorded(try await Self.insert(version, connection, self.logger))
        }
    }

    public func policyVersions(in workspace: Workspace) async throws -> [PolicyVersion] {
        try await Self.versions(
            client.query(
                "\(unescaped: Self.versionColumns) WHERE workspace_id = \(workspace.id) ORDER BY number", logger: logger
            ))
    }

    public func currentPolicyVersion(in workspace: Workspace) async throws -> PolicyVersion? {
        try await Self.versions(
            client.query(
                "\(unescaped: Self.versionColumns) WHERE workspace_id = \(workspace.id) ORDER BY number DESC LIMIT 1",
                logger: logger)
        ).first
    }

    public func currentPolicyVersionNumber(in workspaceID: UUID) async throws -> Int? {
        for try await number in try await client.query(
            "SELECT max(number) FROM policy_version WHERE workspace_id = \(workspaceID)", logger: logger
        ).decode(Int?.self) {
            return number
        }
        return nil
    }

    // MARK: Rows

    private static let versionColumns =
        "SELECT workspace_id, number, content_hash, file_name, source, recorded_at, recorded_by FROM policy_version"

    /// Inserts a version and returns it as stored.
    private static func insert(
        _ version: PolicyVersion, _ connection: PostgresConnection, _ logger: Logger
    ) async throws -> PolicyVersion {
        let stored = try await versions(
            connection.query(
                """
                INSERT INTO policy_version (workspace_id, number, content_hash, file_name, source, recorded_at, recorded_by)
                VALUES (\(version.workspaceID), \(version.number), \(version.contentHash), \(version.fileName),
                        \(version.source), \(version.recordedAt), \(version.recordedBy))
                RETURNING workspace_id, number, content_hash, file_name, source, recorded_at, recorded_by
                """, logger: logger))
        guard let first = stored.first else {
            throw StoreError.corruptData("an inserted policy version was not returned")
        }
        return first
    }

    private func workspaces(_ rows: PostgresRowSequence) async throws -> [Workspace] {
        var result: [Workspace] = []
        for try await (id, name, title, createdAt) in rows.decode((UUID, String, String, Date).self) {
            result.append(Workspace(id: id, name: name, title: title, createdAt: createdAt))
        }
        return result
    }

    private static func versions(_ rows: PostgresRowSequence) async throws -> [PolicyVersion] {
        var result: [PolicyVersion] = []
        for try await (workspaceID, number, hash, fileName, source, recordedAt, recordedBy) in rows.decode(
            (UUID, Int, String, String, String, Date, String).self)
        {
            result.append(
                PolicyVersion(
                    workspaceID: workspaceID, number: number, contentHash: hash, fileName: fileName, source: source,
                    recordedAt: recordedAt, recordedBy: recordedBy))
        }
        return result
    }
}
