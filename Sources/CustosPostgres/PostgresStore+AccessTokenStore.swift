import CustosCore
public import CustosStorage
public import Foundation
import PostgresNIO

extension PostgresStore {
    public func accessToken(id: UUID) async throws -> StoredAccessToken? {
        try await tokens(
            client.query("\(unescaped: Self.tokenColumns) WHERE id = \(id)", logger: logger)
        ).first
    }

    public func accessTokens(in workspaceID: UUID) async throws -> [StoredAccessToken] {
        try await tokens(
            client.query(
                "\(unescaped: Self.tokenColumns) WHERE workspace_id = \(workspaceID) ORDER BY created_at, name",
                logger: logger))
    }

    private static let tokenColumns = """
        SELECT id, workspace_id, name, role, school_id, secret_hash, created_at, created_by, revoked_at
        FROM access_token
        """

    private func tokens(_ rows: PostgresRowSequence) async throws -> [StoredAccessToken] {
        var result: [StoredAccessToken] = []
        for try await (id, workspaceID, name, roleName, schoolID, hash, createdAt, createdBy, revokedAt) in rows.decode(
            (UUID, UUID, String, String, UUID?, ByteBuffer, Date, String, Date?).self)
        {
            guard let role = StaffRole(rawValue: roleName) else {
                throw StoreError.corruptData("an access token has the unknown role '\(roleName)'")
            }
            result.append(
                StoredAccessToken(
                    id: id, workspaceID: workspaceID, name: name, role: role, schoolID: schoolID,
                    secretHash: Data(buffer: hash), createdAt: createdAt, createdBy: createdBy, revokedAt: revokedAt))
        }
        return result
    }
}
