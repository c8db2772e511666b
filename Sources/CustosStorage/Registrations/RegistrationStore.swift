public import Foundation

/// Where registrations made in the privacy centre wait: for their confirmation link to be sent,
/// for it to be followed, and then for the school's lead users to be told. Written through a
/// ``ChangeSet`` (``ChangeSet/registrations`` and the fields after it).
public protocol RegistrationStore: Sendable {
    func registration(_ id: UUID, in workspaceID: UUID) async throws -> StoredRegistration?

    /// Registrations whose confirmation link has not been sent, oldest first.
    func registrationsAwaitingLink(in workspaceID: UUID) async throws -> [StoredRegistration]

    /// Confirmed registrations whose school's lead users are still to be told, oldest first.
    func registrationsAwaitingLeads(in workspaceID: UUID) async throws -> [StoredRegistration]

    /// The ids of registrations made before `time` and never confirmed.
    func unconfirmedRegistrations(before time: Date, in workspaceID: UUID) async throws -> [UUID]
}
