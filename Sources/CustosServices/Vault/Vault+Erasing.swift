import CustosCore
import CustosStorage
public import Foundation

extension Vault {
    /// Erases a person: destroys their data key (so every copy of their sealed data, backups
    /// included, is unreadable), deletes their parts of every record and their identifiers, keeps
    /// the identifiers' blind indexes as tombstones so the person is not re-created by an import,
    /// and puts their email addresses and phone numbers on the suppression list for every message.
    /// Other people's parts of shared records stay. Running it again changes nothing more.
    ///
    /// This is the act alone: the checks of grounds and exemptions, approvals and the certificate
    /// belong to the erasure request that calls it.
    public func erase(subject id: UUID, actor: String, reason: String, at time: Date = Date()) async throws {
        try await store.apply(erasureChanges(subject: id, actor: actor, reason: reason, at: time))
    }

    /// What ``erase(subject:actor:reason:at:)`` writes, audit entry included, for a caller to add
    /// its own changes to and apply in the same transaction.
    func erasureChanges(
        subject id: UUID, actor: String, reason: String, at time: Date, requestID: UUID? = nil
    ) async throws -> ChangeSet {
        guard let subject = try await store.subjects([id], in: workspace.id).first else {
            throw VaultError.subjectNotFound(id)
        }
        guard subject.mergedInto == nil else {
            throw VaultError(
                "subject \(id) was merged into subject \(subject.mergedInto?.uuidString ?? ""); erase that one")
        }
        let identifiers = try await store.identifiers(ofSubject: id, in: workspace.id)
        let parts = try await store.recordParts(ofSubjects: [id], in: workspace.id)
        var changes = ChangeSet(workspaceID: workspace.id)
        changes.people.subjectUpdates = [.keyDestroyed(id)]
        changes.people.recordPartsRemoved = [id]
        changes.people.identifiersRemoved = [id]
        // A name within a school is not the person's alone: it is not tombstoned.
        changes.people.tombstones = identifiers.filter { !schoolScopedKinds.contains($0.kind) }.map(\.index)
        changes.people.erasureJournal = [
            ErasureJournalEntry(
                workspaceID: workspace.id, subjectID: id, recordTypes: nil, erasedAt: time, requestID: requestID)
        ]
        changes.contact.suppressions = identifiers.filter { StoredSuppression.addressKinds.contains($0.kind) }.map {
            StoredSuppression(
                index: $0.index, kind: $0.kind, scope: .all, reason: .erasure, recordedBy: actor, recordedAt: time)
        }
        changes.audit = [
            event(
                "subject.erase", actor: actor, at: time, reason: reason, subjectID: id,
                detail:
                    "key destroyed; \(parts.count) record parts and \(identifiers.count) identifiers deleted; \(changes.contact.suppressions.count) addresses suppressed"
            )
        ]
        return changes
    }
}
