public import Foundation

/// Where the disclosure log is kept. Writes go through a ``ChangeSet``.
public protocol DisclosureStore: Sendable {
    func disclosure(_ id: UUID, in workspaceID: UUID) async throws -> StoredDisclosure?

    /// The workspace's disclosures, latest first; only those of `subjects` when given.
    func disclosures(in workspaceID: UUID, ofSubjects subjects: [UUID]?) async throws -> [StoredDisclosure]
}
