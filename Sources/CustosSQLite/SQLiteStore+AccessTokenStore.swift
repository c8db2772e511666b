import CustosCore
public import CustosStorage
public import Foundation
import GRDB

extension SQLiteStore {
    public func accessToken(id: UUID) async throws -> StoredAccessToken? {
        try readCache.value(.accessToken(id)) {
            try readNow { db in
                try Row.fetchOne(db.cachedStatement(bound: "SELECT * FROM access_token WHERE id = \(id)"))
                    .map(Self.token)
            }
        }
    }

    public func accessTokens(in workspaceID: UUID) async throws -> [StoredAccessToken] {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: """
                    SELECT * FROM access_token WHERE workspace_id = \(workspaceID.uuidString) ORDER BY created_at, name
                    """
            ).fetchAll(db).map(Self.token)
        }
    }

    private static func token(_ row: Row) throws -> StoredAccessToken {
        let roleName: String = row["role"]
        guard let role = StaffRole(rawValue: roleName) else {
            throw StoreError.corruptData("an access token has the unknown role '\(roleName)'")
        }
        return StoredAccessToken(
            id: row["id"], workspaceID: try uuid(row["workspace_id"]), name: row["name"], role: role,
            schoolID: row["school_id"], secretHash: row["secret_hash"], createdAt: row["created_at"],
            createdBy: row["created_by"], revokedAt: row["revoked_at"])
    }
}
