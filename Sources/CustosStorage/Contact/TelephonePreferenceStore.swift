public import Foundation

/// The Telephone Preference Service list a workspace screens its numbers against, kept as keyed
/// hashes of the numbers (blind indexes, as a person's phone identifiers are kept): never a number.
public protocol TelephonePreferenceStore: Sendable {
    /// Replaces the workspace's list with `indexes`, recording when and by whom it was imported.
    func replaceTelephonePreferenceList(
        _ indexes: [Data], in workspaceID: UUID, importedBy actor: String, at time: Date
    ) async throws

    /// When the workspace's list was last imported, and how many numbers it held; nil for never.
    func telephonePreferenceList(in workspaceID: UUID) async throws -> (importedAt: Date, numbers: Int)?

    /// Which of `indexes` are on the list.
    func telephonePreferenceRegistered(_ indexes: [Data], in workspaceID: UUID) async throws -> Set<Data>

    /// The people with a phone number on the list.
    func telephonePreferenceRegisteredSubjects(in workspaceID: UUID) async throws -> Set<UUID>
}
