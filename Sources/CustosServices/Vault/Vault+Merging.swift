import Crypto
import CustosCore
import CustosStorage
public import Foundation

extension Vault {
    /// Groups of subjects that share an identifier: likely one person recorded twice.
    public func duplicateGroups() async throws -> [[UUID]] {
        try await store.sharedIdentifiers(in: workspace.id)
    }

    /// Merges `duplicate` into `survivor`: every record part of the duplicate is sealed again with
    /// the survivor's key and moved to them, identifiers follow, and the duplicate remains only
    /// as a pointer to the survivor with its key destroyed. History stays in the audit log.
    public func merge(
        _ duplicate: UUID, into survivor: UUID, actor: String, reason: String, at time: Date = Date()
    ) async throws {
        guard duplicate != survivor else { throw VaultError("a subject cannot be merged into itself") }
        let found = try await store.subjects([survivor, duplicate], in: workspace.id)
        guard let kept = found.first(where: { $0.id == survivor }) else { throw VaultError.subjectNotFound(survivor) }
        guard let merged = found.first(where: { $0.id == duplicate }) else {
            throw VaultError.subjectNotFound(duplicate)
        }
        guard kept.mergedInto == nil, merged.mergedInto == nil else {
            throw VaultError("one of these subjects was already merged into another")
        }
        let keptKey = try dataKey(of: kept)
        let mergedKey = try dataKey(of: merged)
        var changes = ChangeSet(workspaceID: workspace.id)
        let parts = try await store.recordParts(ofSubjects: [duplicate], in: workspace.id)
        for var part in parts {
            let recordContext = SubjectKey.recordContext(
                workspaceID: workspace.id, recordID: part.recordID, type: part.type, role: part.role)
            let content = try Envelope.open(
                part.sealed, key: mergedKey, context: recordContext, what: "record \(part.recordID)")
            part.sealed = try Envelope.seal(content, key: keptKey, context: recordContext)
            // The name index moves with the part, to the survivor.
            if let type = policy.recordType(part.type) {
                part.names = nameIndex(
                    of: RecordContentCoding.decode(content) ?? [:], type: type, role: part.role, replacing: true)
            }
            if let sealed = part.reidentification {
                let context = SubjectKey.reidentificationContext(
                    workspaceID: workspace.id, recordID: part.recordID, type: part.type, role: part.role)
                part.reidentification = try Envelope.seal(
                    Envelope.open(sealed, key: mergedKey, context: context, what: "record \(part.recordID)"),
                    key: keptKey, context: context)
            }
            part.subjectID = survivor
            part.updatedAt = time
            changes.people.recordParts.append(part)
        }
        let identifiers = try await store.identifiers(ofSubject: duplicate, in: workspace.id)
        // The ledgers are never rewritten: the duplicate's entries are copied to the survivor,
        // keeping their times, wording, sources and versions, so the latest act still wins.
        changes.contact.consentEntries = try await store.consentEntries(ofSubjects: [duplicate], in: workspace.id).map {
            var entry = $0
            entry.id = UUID()
            entry.subjectID = survivor
            return entry
        }
        changes.contact.processingStates = try await store.processingStates(ofSubjects: [duplicate], in: workspace.id)
            .map {
                var entry = $0
                entry.id = UUID()
                entry.subjectID = survivor
                return entry
            }
        changes.people.identifiersRemoved = [duplicate]
        changes.people.identifiers = identifiers.map {
            StoredIdentifier(index: $0.index, kind: $0.kind, subjectID: survivor)
        }
        changes.people.subjectUpdates = [
            .lastActivity(survivor, max(kept.lastActivityAt, merged.lastActivityAt)),
            .mergedInto(duplicate, survivor: survivor),
        ]
        if kept.schoolID == nil, let school = merged.schoolID {
            changes.people.subjectUpdates.append(.school(survivor, school))
        }
        changes.audit = [
            event(
                "subject.merge", actor: actor, at: time, reason: reason, subjectID: survivor,
                detail:
                    "merged subject \(duplicate): \(parts.count) record parts, \(identifiers.count) identifiers, \(changes.contact.consentEntries.count) consent entries"
            ),
            event(
                "subject.merged-away", actor: actor, at: time, reason: reason, subjectID: duplicate,
                detail: "merged into subject \(survivor)"),
        ]
        try await store.apply(changes)
    }
}
