public import Foundation

/// Where the disclosure log is kept. Writes go through a ``ChangeSet``.
public protocol DisclosureStore: Sendable {
    func disclosure(_ id: UUID, in workspaceID: UUID) async throws -> StoredDisclosure?

    /// The workspace's disclosures, latest first; only those of `subjects` when given.
    func disclosures(in workspaceID: UUID, ofSubjects subjects: [UUID]?) async throws -> [StoredDisclosure]

    /// A page of the workspace's disclosures, latest first: at most `limit`, after skipping `offset`.
    func disclosures(in workspaceID: UUID, limit: Int, offset: Int) async throws -> [StoredDisclosure]

    /// How many disclosures the workspace has logged.
    func disclosureCount(in workspaceID: UUID) async throws -> Int
}
