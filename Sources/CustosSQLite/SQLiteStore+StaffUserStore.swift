import CustosCore
public import CustosStorage
public import Foundation
import GRDB

extension SQLiteStore {
    /// Writes a change set's staff users (replacing any with the same id, but for their sign-in
    /// counters) and counts their sign-ins.
    static func applyStaffUserChanges(_ changes: StaffUserChanges, workspace: String, _ db: Database) throws {
        for user in changes.saved {
            try db.execute(
                literal: """
                    INSERT INTO staff_user (id, workspace_id, email, name, role, school_id, password_hash, totp_sealed,
                    totp_last_step, failed_sign_ins, locked_until, session_epoch, created_at, created_by, disabled_at,
                    last_sign_in_at, events) VALUES (
                        \(user.id), \(workspace), \(user.email), \(user.name), \(user.role.rawValue), \(user.schoolID),
                        \(user.passwordHash), \(user.totpSealed), \(user.totpLastStep), \(user.failedSignIns),
                        \(user.lockedUntil), \(user.sessionEpoch), \(user.createdAt), \(user.createdBy),
                        \(user.disabledAt), \(user.lastSignInAt), \(try NameListColumn.encoded(user.events)))
                    ON CONFLICT (id) DO UPDATE SET email = excluded.email, name = excluded.name, role = excluded.role,
                    school_id = excluded.school_id, password_hash = excluded.password_hash,
                    totp_last_step = CASE WHEN staff_user.totp_sealed IS NOT excluded.totp_sealed
                        THEN excluded.totp_last_step ELSE staff_user.totp_last_step END,
                    totp_sealed = excluded.totp_sealed, session_epoch = excluded.session_epoch,
                    disabled_at = excluded.disabled_at, events = excluded.events
                    WHERE staff_user.workspace_id = excluded.workspace_id
                    """)
        }
        for failure in changes.failures {
            try db.execute(
                literal: """
                    UPDATE staff_user SET failed_sign_ins = failed_sign_ins + 1,
                    locked_until = CASE WHEN failed_sign_ins + 1 >= \(failure.locksAfter) THEN \(failure.lockedUntil)
                        ELSE locked_until END
                    WHERE id = \(failure.userID) AND workspace_id = \(workspace)
                    """)
        }
        for id in changes.cleared {
            try db.execute(
                literal: """
                    UPDATE staff_user SET failed_sign_ins = 0, locked_until = NULL
                    WHERE id = \(id) AND workspace_id = \(workspace)
                    """)
        }
        for (id, time) in changes.signedIn {
            try db.execute(
                literal:
                    "UPDATE staff_user SET last_sign_in_at = \(time) WHERE id = \(id) AND workspace_id = \(workspace)")
        }
    }

    public func staffUser(id: UUID) async throws -> StoredStaffUser? {
        try readNow { db in
            try Row.fetchOne(db.cachedStatement(bound: "SELECT * FROM staff_user WHERE id = \(id)"))
                .map(Self.staffUser)
        }
    }

    public func staffUser(email: String) async throws -> StoredStaffUser? {
        try readNow { db in
            try Row.fetchOne(
                db.cachedStatement(bound: "SELECT * FROM staff_user WHERE email = \(email.lowercased())")
            ).map(Self.staffUser)
        }
    }

    public func staffUsers(in workspaceID: UUID) async throws -> [StoredStaffUser] {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: "SELECT * FROM staff_user WHERE workspace_id = \(workspaceID.uuidString) ORDER BY email"
            ).fetchAll(db).map(Self.staffUser)
        }
    }

    private static func staffUser(_ row: Row) throws -> StoredStaffUser {
        let roleName: String = row["role"]
        guard let role = StaffRole(rawValue: roleName) else {
            throw StoreError.corruptData("a staff user has the unknown role '\(roleName)'")
        }
        return StoredStaffUser(
            id: row["id"], workspaceID: try uuid(row["workspace_id"]), email: row["email"], name: row["name"],
            role: role, schoolID: row["school_id"], passwordHash: row["password_hash"], totpSealed: row["totp_sealed"],
            totpLastStep: row["totp_last_step"], failedSignIns: row["failed_sign_ins"],
            lockedUntil: row["locked_until"],
            sessionEpoch: row["session_epoch"], createdAt: row["created_at"], createdBy: row["created_by"],
            disabledAt: row["disabled_at"], lastSignInAt: row["last_sign_in_at"],
            events: try NameListColumn.stored(row["events"]) ?? [])
    }

    // MARK: Console sessions

    public func consoleSession(keyHash: Data, at time: Date) async throws -> StoredConsoleSession? {
        try readNow { db in
            try Row.fetchOne(
                db.cachedStatement(
                    bound: """
                        SELECT value, expires_at FROM console_session
                        WHERE key_hash = \(keyHash) AND (expires_at IS NULL OR expires_at > \(time))
                        """)
            ).map { StoredConsoleSession(value: $0["value"], expiresAt: $0["expires_at"]) }
        }
    }

    public func saveConsoleSession(keyHash: Data, value: Data, expiresAt: Date?) async throws {
        try await pool.write { db in
            try db.execute(
                literal: """
                    INSERT INTO console_session (key_hash, value, expires_at)
                    VALUES (\(keyHash), \(value), \(expiresAt))
                    ON CONFLICT (key_hash) DO UPDATE SET value = excluded.value,
                    expires_at = coalesce(excluded.expires_at, console_session.expires_at)
                    """)
        }
    }

    public func removeConsoleSession(keyHash: Data) async throws {
        try await pool.write { db in
            try db.execute(literal: "DELETE FROM console_session WHERE key_hash = \(keyHash)")
        }
    }

    public func removeExpiredConsoleSessions(at time: Date) async throws {
        try await pool.write { db in
            try db.execute(literal: "DELETE FROM console_session WHERE expires_at <= \(time)")
        }
    }
}
