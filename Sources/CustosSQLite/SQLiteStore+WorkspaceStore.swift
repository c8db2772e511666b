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
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM workspace WHERE name = ?", arguments: [name]) != nil {
                throw StoreError.workspaceExists(name)
            }
            let workspace = try Row.fetchOne(
                db, sql: "INSERT INTO workspace (id, name, title, created_at) VALUES (?, ?, ?, ?) RETURNING *",
                arguments: [id.uuidString, name, title, time]
            ).map(Self.workspace)
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
            try Row.fetchOne(db, sql: "SELECT * FROM workspace WHERE name = ?", arguments: [name]).map(Self.workspace)
        }
    }

    public func workspaces() async throws -> [Workspace] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM workspace ORDER BY name").map(Self.workspace)
        }
    }

    public func recordPolicyVersion(
        _ policy: LoadedPolicy, in workspace: Workspace, by actor: String, at time: Date
    ) async throws -> PolicyVersionOutcome {
        try await pool.write { db in
            let current = try Row.fetchOne(
                db, sql: "SELECT * FROM policy_version WHERE workspace_id = ? ORDER BY number DESC LIMIT 1",
                arguments: [workspace.id.uuidString]
            ).map(Self.version)
            if let current, current.contentHash == policy.contentHash { return .unchanged(current) }
            let version = PolicyVersion(
                workspaceID: workspace.id, number: (current?.number ?? 0) + 1, contentHash: policy.contentHash,
                fileName: policy.fileName, source: policy.source, recordedAt: time, recordedBy: actor)
            return .recorded(try Self.insert(version, db))
        }
    }

    public func policyVersions(in workspace: Workspace) async throws -> [PolicyVersion] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM policy_version WHERE workspace_id = ? ORDER BY number",
                arguments: [workspace.id.uuidString]
            ).map(Self.version)
        }
    }

    public func currentPolicyVersion(in workspace: Workspace) async throws -> PolicyVersion? {
        try await pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM policy_version WHERE workspace_id = ? ORDER BY number DESC LIMIT 1",
                arguments: [workspace.id.uuidString]
            ).map(Self.version)
        }
    }

    public func currentPolicyVersionNumber(in workspaceID: UUID) async throws -> Int? {
        try readNow { db in
            try Int.fetchOne(
                db.cachedStatement(sql: "SELECT max(number) FROM policy_version WHERE workspace_id = ?"),
                arguments: [workspaceID.uuidString])
        }
    }

    // MARK: Rows

    /// Inserts a version and returns it as stored.
    private static func insert(_ version: PolicyVersion, _ db: Database) throws -> PolicyVersion {
        let stored = try Row.fetchOne(
            db,
            sql: """
                INSERT INTO policy_version (workspace_id, number, content_hash, file_name, source, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *
                """,
            arguments: [
                version.workspaceID.uuidString, version.number, version.contentHash, version.fileName, version.source,
                version.recordedAt, version.recordedBy,
            ]
        ).map(Self.version)
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
