public import CustosCore
public import Foundation

/// Where legal holds are kept. They are placed and released through a ``ChangeSet``.
public protocol LegalHoldStore: Sendable {
    /// The workspace's holds, oldest first; only those not released unless `includingReleased`.
    func legalHolds(in workspaceID: UUID, includingReleased: Bool) async throws -> [LegalHold]

    /// The holds not released that may cover `subject`: those on them and those on a record type.
    func legalHolds(coveringSubject subject: UUID, in workspaceID: UUID) async throws -> [LegalHold]
}
