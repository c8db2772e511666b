import CustosCore
public import CustosStorage
public import Foundation
import PostgresNIO

extension PostgresStore {
    /// Writes a change set's staff users (replacing any with the same id, but for their sign-in
    /// counters) and counts their sign-ins.
    static func applyStaffUserChanges(
        _ changes: StaffUserChanges, in workspace: UUID, _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        for user in changes.saved {
            try await connection.query(
                """
                INSERT INTO staff_user (id, workspace_id, email, name, role, school_id, password_hash, totp_sealed,
                totp_last_step, failed_sign_ins, locked_until, session_epoch, created_at, created_by, disabled_at,
                last_sign_in_at, events) VALUES (\(user.id), \(workspace), \(user.email), \(user.name),
                \(user.role.rawValue), \(user.schoolID), \(user.passwordHash),
                \(user.totpSealed.map { ByteBuffer(data: $0) }), \(user.totpLastStep), \(user.failedSignIns),
                \(user.lockedUntil), \(user.sessionEpoch), \(user.createdAt), \(user.createdBy), \(user.disabledAt),
                \(user.lastSignInAt), \(try NameListColumn.encoded(user.events)))
                ON CONFLICT (id) DO UPDATE SET email = excluded.email, name = excluded.name, role = excluded.role,
                school_id = excluded.school_id, password_hash = excluded.password_hash,
                totp_last_step = CASE WHEN staff_user.totp_sealed IS DISTINCT FROM excluded.totp_sealed
                    THEN excluded.totp_last_step ELSE staff_user.totp_last_step END,
                totp_sealed = excluded.totp_sealed, session_epoch = excluded.session_epoch,
                disabled_at = excluded.disabled_at, events = excluded.events
                WHERE staff_user.workspace_id = excluded.workspace_id
                """, logger: logger)
        }
        for failure in changes.failures {
            try await connection.query(
                """
                UPDATE staff_user SET failed_sign_ins = failed_sign_ins + 1,
                locked_until = CASE WHEN failed_sign_ins + 1 >= \(failure.locksAfter) THEN \(failure.lockedUntil)
                    ELSE locked_until END
                WHERE id = \(failure.userID) AND workspace_id = \(workspace)
                """, logger: logger)
        }
        for id in changes.cleared {
            try await connection.query(
                """
                UPDATE staff_user SET failed_sign_ins = 0, locked_until = NULL
                WHERE id = \(id) AND workspace_id = \(workspace)
                """, logger: logger)
        }
        for (id, time) in changes.signedIn {
            try await connection.query(
                "UPDATE staff_user SET last_sign_in_at = \(time) WHERE id = \(id) AND workspace_id = \(workspace)",
                logger: logger)
        }
    }

    private static let staffUserColumns = """
        SELECT id, workspace_id, email, name, role, school_id, password_hash, totp_sealed, totp_last_step,
        failed_sign_ins, locked_until, session_epoch, created_at, created_by, disabled_at, last_sign_in_at, events
        FROM staff_user
        """

    public func staffUser(id: UUID) async throws -> StoredStaffUser? {
        try await staffUsers(
            client.query("\(unescaped: Self.staffUserColumns) WHERE id = \(id)", logger: logger)
        ).first
    }

    public func staffUser(email: String) async throws -> StoredStaffUser? {
        try await staffUsers(
            client.query("\(unescaped: Self.staffUserColumns) WHERE email = \(email.lowercased())", logger: logger)
        ).first
    }

    public func staffUsers(in workspaceID: UUID) async throws -> [StoredStaffUser] {
        try await staffUsers(
            client.query(
                "\(unescaped: Self.staffUserColumns) WHERE workspace_id = \(workspaceID) ORDER BY email",
                logger: logger))
    }

    private func staffUsers(_ rows: PostgresRowSequence) async throws -> [StoredStaffUser] {
        var result: [StoredStaffUser] = []
        for try await row in rows {
            let (
                id, workspaceID, email, name, roleName, schoolID, passwordHash, totpSealed, totpLastStep, failed,
                lockedUntil, epoch, createdAt, createdBy, disabledAt, lastSignInAt, events
            ) = try row.decode(
                (
                    UUID, UUID, String, String, String, UUID?, String, ByteBuffer?, Int64?, Int, Date?, Int, Date,
                    String, Date?, Date?, String?
                ).self)
            guard let role = StaffRole(rawValue: roleName) else {
                throw StoreError.corruptData("a staff user has the unknown role '\(roleName)'")
            }
            result.append(
                StoredStaffUser(
                    id: id, workspaceID: workspaceID, email: email, name: name, role: role, schoolID: schoolID,
                    passwordHash: passwordHash, totpSealed: totpSealed.map { Data(buffer: $0) },
                    totpLastStep: totpLastStep, failedSignIns: failed, lockedUntil: lockedUntil, sessionEpoch: epoch,
                    createdAt: createdAt, createdBy: createdBy, disabledAt: disabledAt, lastSignInAt: lastSignInAt,
                    events: try NameListColumn.stored(events) ?? []))
        }
        return result
    }

    // MARK: Console sessions

    public func consoleSession(keyHash: Data, at time: Date) async throws -> StoredConsoleSession? {
        let rows = try await client.query(
            """
            SELECT value, expires_at FROM console_session
            WHERE key_hash = \(ByteBuffer(data: keyHash)) AND (expires_at IS NULL OR expires_at > \(time))
            """, logger: logger)
        for try await (value, expiresAt) in rows.decode((ByteBuffer, Date?).self) {
            return StoredConsoleSession(value: Data(buffer: value), expiresAt: expiresAt)
        }
        return nil
    }

    public func saveConsoleSession(keyHash: Data, value: Data, expiresAt: Date?) async throws {
        try await client.query(
            """
            INSERT INTO console_session (key_hash, value, expires_at)
            VALUES (\(ByteBuffer(data: keyHash)), \(ByteBuffer(data: value)), \(expiresAt))
            ON CONFLICT (key_hash) DO UPDATE SET value = excluded.value,
            expires_at = coalesce(excluded.expires_at, console_session.expires_at)
            """, logger: logger)
    }

    public func removeConsoleSession(keyHash: Data) async throws {
        try await client.query(
            "DELETE FROM console_session WHERE key_hash = \(ByteBuffer(data: keyHash))", logger: logger)
    }

    public func removeExpiredConsoleSessions(at time: Date) async throws {
        try await client.query("DELETE FROM console_session WHERE expires_at <= \(time)", logger: logger)
    }
}
