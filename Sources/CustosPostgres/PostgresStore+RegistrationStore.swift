import CustosCore
public import CustosStorage
public import Foundation
import PostgresNIO

extension PostgresStore {
    /// Writes a change set's registrations and what became of them.
    static func applyRegistrationChanges(
        _ changes: RegistrationChanges, in workspace: UUID, _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        for registration in changes.made {
            try await connection.query(
                """
                INSERT INTO registration (id, workspace_id, registration_key, sealed, email_index, created_at,
                link_sent_at, confirmed_at, subject_id) VALUES (\(registration.id), \(workspace),
                \(ByteBuffer(data: registration.key)), \(ByteBuffer(data: registration.sealed)),
                \(ByteBuffer(data: registration.emailIndex)), \(registration.createdAt), \(registration.linkSentAt),
                \(registration.confirmedAt), \(registration.subjectID))
                """, logger: logger)
        }
        for (id, time) in changes.linksSent {
            try await connection.query(
                "UPDATE registration SET link_sent_at = \(time) WHERE id = \(id) AND workspace_id = \(workspace)",
                logger: logger)
        }
        for confirmed in changes.confirmed {
            try await connection.query(
                """
                UPDATE registration SET confirmed_at = \(confirmed.confirmedAt), subject_id = \(confirmed.subjectID)
                WHERE id = \(confirmed.registrationID) AND workspace_id = \(workspace) AND confirmed_at IS NULL
                """, logger: logger)
        }
        for id in changes.removed {
            try await connection.query(
                "DELETE FROM registration WHERE id = \(id) AND workspace_id = \(workspace)", logger: logger)
        }
    }

    private static let registrationColumns = """
        SELECT id, registration_key, sealed, email_index, created_at, link_sent_at, confirmed_at, subject_id
        FROM registration
        """

    public func registration(_ id: UUID, in workspaceID: UUID) async throws -> StoredRegistration? {
        try await registrations(
            client.query(
                "\(unescaped: Self.registrationColumns) WHERE id = \(id) AND workspace_id = \(workspaceID)",
                logger: logger)
        ).first
    }

    public func registrationsAwaitingLink(in workspaceID: UUID) async throws -> [StoredRegistration] {
        try await registrations(
            client.query(
                """
                \(unescaped: Self.registrationColumns) WHERE workspace_id = \(workspaceID) AND link_sent_at IS NULL
                AND confirmed_at IS NULL ORDER BY created_at
                """, logger: logger))
    }

    public func registrationsAwaitingLeads(in workspaceID: UUID) async throws -> [StoredRegistration] {
        try await registrations(
            client.query(
                """
                \(unescaped: Self.registrationColumns) WHERE workspace_id = \(workspaceID)
                AND confirmed_at IS NOT NULL ORDER BY confirmed_at
                """, logger: logger))
    }

    public func unconfirmedRegistrations(before time: Date, in workspaceID: UUID) async throws -> [UUID] {
        try await registrations(
            client.query(
                """
                \(unescaped: Self.registrationColumns) WHERE workspace_id = \(workspaceID) AND confirmed_at IS NULL
                AND created_at < \(time)
                """, logger: logger)
        ).map(\.id)
    }

    private func registrations(_ rows: PostgresRowSequence) async throws -> [StoredRegistration] {
        var result: [StoredRegistration] = []
        for try await (id, key, sealed, emailIndex, createdAt, linkSentAt, confirmedAt, subjectID) in rows.decode(
            (UUID, ByteBuffer, ByteBuffer, ByteBuffer, Date, Date?, Date?, UUID?).self)
        {
            result.append(
                StoredRegistration(
                    id: id, key: Data(buffer: key), sealed: Data(buffer: sealed), emailIndex: Data(buffer: emailIndex),
                    createdAt: createdAt, linkSentAt: linkSentAt, confirmedAt: confirmedAt, subjectID: subjectID))
        }
        return result
    }
}
