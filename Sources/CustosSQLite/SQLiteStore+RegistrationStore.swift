import CustosCore
public import CustosStorage
public import Foundation
import GRDB

extension SQLiteStore {
    /// Writes a change set's registrations and what became of them.
    static func applyRegistrationChanges(_ changes: RegistrationChanges, workspace: String, _ db: Database) throws {
        for registration in changes.made {
            try db.execute(
                literal: """
                    INSERT INTO registration (id, workspace_id, registration_key, sealed, email_index, created_at,
                    link_sent_at, confirmed_at, subject_id) VALUES (
                        \(registration.id), \(workspace), \(registration.key), \(registration.sealed),
                        \(registration.emailIndex), \(registration.createdAt), \(registration.linkSentAt),
                        \(registration.confirmedAt), \(registration.subjectID))
                    """)
        }
        for (id, time) in changes.linksSent {
            try db.execute(
                literal: """
                    UPDATE registration SET link_sent_at = \(time) WHERE id = \(id) AND workspace_id = \(workspace)
                    """)
        }
        for confirmed in changes.confirmed {
            try db.execute(
                literal: """
                    UPDATE registration SET confirmed_at = \(confirmed.confirmedAt), subject_id = \(confirmed.subjectID)
                    WHERE id = \(confirmed.registrationID) AND workspace_id = \(workspace) AND confirmed_at IS NULL
                    """)
        }
        for id in changes.removed {
            try db.execute(literal: "DELETE FROM registration WHERE id = \(id) AND workspace_id = \(workspace)")
        }
    }

    public func registration(_ id: UUID, in workspaceID: UUID) async throws -> StoredRegistration? {
        try await registrations("WHERE id = \(id) AND workspace_id = \(workspaceID.uuidString)").first
    }

    public func registrationsAwaitingLink(in workspaceID: UUID) async throws -> [StoredRegistration] {
        try await registrations(
            """
            WHERE workspace_id = \(workspaceID.uuidString) AND link_sent_at IS NULL AND confirmed_at IS NULL
            ORDER BY created_at
            """)
    }

    public func registrationsAwaitingLeads(in workspaceID: UUID) async throws -> [StoredRegistration] {
        try await registrations(
            "WHERE workspace_id = \(workspaceID.uuidString) AND confirmed_at IS NOT NULL ORDER BY confirmed_at")
    }

    public func unconfirmedRegistrations(before time: Date, in workspaceID: UUID) async throws -> [UUID] {
        try await registrations(
            "WHERE workspace_id = \(workspaceID.uuidString) AND confirmed_at IS NULL AND created_at < \(time)"
        ).map(\.id)
    }

    /// The registrations `condition` (with its arguments bound, by SQL interpolation) selects.
    private func registrations(_ condition: SQL) async throws -> [StoredRegistration] {
        try await pool.read { db in
            try SQLRequest<Row>(literal: "SELECT * FROM registration \(condition)").fetchAll(db).map { row in
                StoredRegistration(
                    id: row["id"], key: row["registration_key"], sealed: row["sealed"], emailIndex: row["email_index"],
                    createdAt: row["created_at"], linkSentAt: row["link_sent_at"], confirmedAt: row["confirmed_at"],
                    subjectID: row["subject_id"])
            }
        }
    }
}
