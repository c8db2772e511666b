public import CustosCore
public import CustosStorage
public import Foundation
import GRDB

extension SQLiteStore {
    public func createWorkspace(
        name: String, title: String, policy: LoadedPolicy, by actor: String, at time: Date
    ) async throws -> (Workspace, PolicyVersion) {
        guard Workspace.isValidName(name) else { throw StoreError.invalidWorkspaceName(name) }
        let id = UUID()
        return try await pool.write { db in
            if try SQLRequest<Bool>(literal: "SELECT 1 FROM workspace WHERE name = \(name)").fetchOne(db) != nil {
                throw StoreError.workspaceExists(name)
            }
            let workspace = try SQLRequest<Row>(
                literal: """
                    INSERT INTO workspace (id, name, title, created_at)
                    VALUES (\(id.uuidString), \(name), \(title), \(time)) RETURNING *
                    """
            ).fetchOne(db).map(Self.workspace)
            let version = try Self.insert(
                PolicyVersion(
                    workspaceID: id, number: 1, contentHash: policy.contentHash, fileName: policy.fileName,
                    source: policy.source, recordedAt: time, recordedBy: actor),
                db)
            guard let workspace else { throw StoreError.corruptData("an inserted workspace was not returned") }
            return (workspace, version)
        }
    }

    public func workspace(named name: String) async throws -> Workspace? {
        try await pool.read { db in
            try SQLRequest<Row>(literal: "SELECT * FROM workspace WHERE name = \(name)").fetchOne(db)
                .map(Self.workspace)
        }
    }

    public func pendingMigrations() async throws -> [String] {
        let migrator = SQLiteSchema.migrator
        let applied = try await pool.read { db in try migrator.appliedIdentifiers(db) }
        // Registered as `N-id`; the contract names the id alone.
        return migrator.migrations.filter { !applied.contains($0) }.map {
            String($0.drop { $0 != "-" }.dropFirst())
        }
    }

    public func workspaces() async throws -> [Workspace] {
        try await pool.read { db in
            try SQLRequest<Row>(literal: "SELECT * FROM workspace ORDER BY name").fetchAll(db).map(Self.workspace)
        }
    }

    public func recordPolicyVersion(
        _ policy: LoadedPolicy, in workspace: Workspace, by actor: String, at time: Date
    ) async throws -> PolicyVersionOutcome {
        try await pool.write { db in
            let current = try SQLRequest<Row>(
                literal: """
                    SELECT * FROM policy_version WHERE workspace_id = \(workspace.id.uuidString)
                    ORDER BY number DESC LIMIT 1
                    """
            ).fetchOne(db).map(Self.version)
            if let current, current.contentHash == policy.contentHash { return .unchanged(current) }
            let version = PolicyVersion(
                workspaceID: workspace.id, number: (current?.number ?? 0) + 1, contentHash: policy.contentHash,
                fileName: policy.fileName, source: policy.source, recordedAt: time, recordedBy: actor)
            return .recorded(try Self.insert(version, db))
        }
    }

    public func policyVersions(in workspace: Workspace) async throws -> [PolicyVersion] {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: "SELECT * FROM policy_version WHERE workspace_id = \(workspace.id.uuidString) ORDER BY number"
            ).fetchAll(db).map(Self.version)
        }
    }

    public func currentPolicyVersion(in workspace: Workspace) async throws -> PolicyVersion? {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: """
                    SELECT * FROM policy_version WHERE workspace_id = \(workspace.id.uuidString)
                    ORDER BY number DESC LIMIT 1
                    """
            ).fetchOne(db).map(Self.version)
        }
    }

    public func currentPolicyVersionNumber(in workspaceID: UUID) async throws -> Int? {
        try readNow { db in
            try Int.fetchOne(
                db.cachedStatement(
                    bound: "SELECT max(number) FROM policy_version WHERE workspace_id = \(workspaceID.uuidString)"))
        }
    }

    // MARK: Rows

    /// Inserts a version and returns it as stored.
    private static func insert(_ version: PolicyVersion, _ db: Database) throws -> PolicyVersion {
        let stored = try SQLRequest<Row>(
            literal: """
                INSERT INTO policy_version (workspace_id, number, content_hash, file_name, source, recorded_at, recorded_by)
                VALUES (
                    \(version.workspaceID.uuidString), \(version.number), \(version.contentHash), \(version.fileName),
                    \(version.source), \(version.recordedAt), \(version.recordedBy)) RETURNING *
                """
        ).fetchOne(db).map(Self.version)
        guard let stored else { throw StoreError.corruptData("an inserted policy version was not returned") }
        return stored
    }

    private static func workspace(_ row: Row) throws -> Workspace {
        Workspace(id: try uuid(row["id"]), name: row["name"], title: row["title"], createdAt: row["created_at"])
    }

    private static func version(_ row: Row) throws -> PolicyVersion {
        PolicyVersion(
            workspaceID: try uuid(row["workspace_id"]), number: row["number"],
            contentHash: row["content_hash"], fileName: row["file_name"], source: row["source"],
            recordedAt: row["recorded_at"], recordedBy: row["recorded_by"])
    }

    static func uuid(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw StoreError.corruptData("an identifier is not a UUID") }
        return id
    }
}
