import Crypto
import CustosCore
import CustosStorage
public import Foundation

extension Vault {
    /// Changes fields of one record: each value given replaces the field's value, `nil` clears the
    /// field, and fields not named keep theirs. The whole record is checked again against its
    /// type, then each person's part whose values changed is sealed again under their key;
    /// a role that had no part yet gets one (the person found by identifier, or new). Audited
    /// as `record.update` for each person whose part changed.
    ///
    /// Throws a ``VaultError`` when the record is unknown, the result is not valid, a change
    /// would empty a person's part (that is erasure, done through a request), or a part's person
    /// was erased.
    @discardableResult
    public func update(
        record id: UUID, changes requested: [String: String?], actor: String, purpose: String? = nil,
        reason: String? = nil, subjects: [String: UUID] = [:], at time: Date = Date()
    ) async throws -> RecordWriteOutcome {
        let (changes, outcome) = try await updateChanges(
            record: id, changes: requested, actor: actor, purpose: purpose, reason: reason, subjects: subjects,
            at: time)
        if !changes.people.recordParts.isEmpty { try await store.apply(changes) }
        return outcome
    }

    /// What ``update(record:changes:actor:purpose:reason:at:)`` writes (nothing when no value
    /// changes), for a caller to add its own changes to and apply in one transaction. The parts
    /// replaced are kept as earlier versions, sealed as they were, so a correction keeps its
    /// history; an erasure removes them with the rest.
    func updateChanges(
        record id: UUID, changes requested: [String: String?], actor: String, purpose: String?, reason: String?,
        subjects named: [String: UUID] = [:], at time: Date
    ) async throws -> (ChangeSet, RecordWriteOutcome) {
        let parts = try await store.recordParts(ofRecord: id, in: workspace.id)
        guard let first = parts.first else { throw VaultError.recordNotFound(id) }
        guard let type = policy.recordType(first.type) else { throw VaultError.unknownRecordType(first.type) }
        var subjectsByID: [UUID: StoredSubject] = [:]
        for subject in try await store.subjects(parts.map(\.subjectID), in: workspace.id) {
            subjectsByID[subject.id] = subject
        }

        // The record as it stands, with pseudonymised fields' originals, by role.
        var partsByRole: [String: StoredRecordPart] = [:]
        var keysByRole: [String: SymmetricKey] = [:]
        var current: [String: String] = [:]
        for part in parts {
            partsByRole[part.role] = part
            guard let subject = subjectsByID[part.subjectID], subject.key != nil else { continue }
            let key = try dataKey(of: subject)
            keysByRole[part.role] = key
            current.merge(try open(part, key: key).values) { _, new in new }
            current.merge(try pseudonymOriginals(of: part, key: key)) { _, original in original }
        }
        let roleOfField = Dictionary(
            uniqueKeysWithValues: type.fields.map { ($0.name, type.role(of: $0)?.name ?? "") })
        var proposed = current
        for (name, value) in requested {
            if let role = roleOfField[name], partsByRole[role] != nil, keysByRole[role] == nil {
                throw VaultError("the \(role)'s part of record \(id) was erased; it cannot be changed")
            }
            proposed[name] = value
        }
        let validation = RecordValidator(recordType: type).validate(proposed)
        guard validation.isValid else { throw VaultError.invalidRecord(type.id, validation.problems) }

        var schoolsByURN: [String: School] = [:]
        if type.fields.contains(where: { $0.format == .urn }) {
            for school in try await store.schools(in: workspace.id) {
                if let urn = school.urn { schoolsByURN[urn] = school }
            }
        }
        var changes = ChangeSet(workspaceID: workspace.id)
        var subjects: [String: UUID] = [:]
        var changedSubjects: [UUID] = []
        for role in type.roles {
            let before = current.filter { roleOfField[$0.key] == role.name }
            let after = validation.values.filter { roleOfField[$0.key] == role.name }
            let existing = partsByRole[role.name]
            if let existing { subjects[role.name] = existing.subjectID }
            guard after != before else { continue }
            guard !after.isEmpty else {
                throw VaultError(
                    "the change would remove every field of the \(role.name)'s part of record \(id); removing a "
                        + "person from a record is an erasure, made through a request")
            }
            let identifiers = try await identifiers(
                of: type, role: role.name, values: after,
                schoolID: existing.flatMap { subjectsByID[$0.subjectID]?.schoolID })
            let subjectID: UUID
            let key: SymmetricKey
            if let existing, let known = keysByRole[role.name] {
                subjectID = existing.subjectID
                key = known
            } else if let held = named[role.name] {
                // Someone already held, named by the caller (a leader authorising is themselves).
                guard let subject = try await store.subjects([held], in: workspace.id).first, subject.key != nil,
                    subject.mergedInto == nil
                else {
                    throw VaultError.personNotFound(role: role.name, of: type)
                }
                (subjectID, key) = (held, try dataKey(of: subject))
            } else if role.isAboutSomeoneHeld {
                throw VaultError.personNotFound(role: role.name, of: type)
            } else {
                (subjectID, key) = try await subject(
                    for: role, of: type, identifiers: Array(finding(identifiers, role: role.name, of: type)),
                    at: time, changes: &changes)
            }
            for (kind, index) in identifiers {
                changes.people.identifiers.append(StoredIdentifier(index: index, kind: kind, subjectID: subjectID))
            }
            let schoolID = try school(
                for: RecordInput(type: type, values: after, source: first.source), known: &schoolsByURN,
                changes: &changes)
            if let schoolID, role.name == type.roles.first?.name, subjectsByID[subjectID]?.schoolID != schoolID {
                changes.people.subjectUpdates.append(.school(subjectID, schoolID))
            }
            var sealed = try seal(
                after, of: type, role: role.name, recordID: id, subjectID: subjectID,
                source: existing?.source ?? first.source, key: key, at: time, replacing: existing != nil)
            sealed.createdAt = existing?.createdAt ?? time
            changes.people.recordParts.append(sealed)
            if let existing { changes.people.recordPartVersions.append(existing) }
            changes.people.subjectUpdates.append(.lastActivity(subjectID, time))
            subjects[role.name] = subjectID
            changedSubjects.append(subjectID)
        }
        for subjectID in changedSubjects {
            changes.audit.append(
                event(
                    "record.update", actor: actor, at: time, purpose: purpose, reason: reason, subjectID: subjectID,
                    recordID: id, detail: "type \(type.id), fields \(requested.keys.sorted().joined(separator: ", "))"))
        }
        return (changes, .updated(recordID: id, subjects: subjects))
    }

    /// The original values behind a part's pseudonyms.
    func pseudonymOriginals(of part: StoredRecordPart, key: SymmetricKey) throws -> [String: String] {
        guard let sealed = part.reidentification else { return [:] }
        let bytes = try Envelope.open(
            sealed, key: key,
            context: SubjectKey.reidentificationContext(
                workspaceID: workspace.id, recordID: part.recordID, type: part.type, role: part.role),
            what: "the re-identification data of record \(part.recordID) (\(part.role))")
        guard let values = RecordContentCoding.decode(bytes) else {
            throw CryptoFailure("the re-identification data of record \(part.recordID) is not in Custos's format")
        }
        return values
    }

    /// The blind indexes of a role's identifiers, those within a school under `schoolID`, in the
    /// order they find the person; refuses identifiers of erased people.
    private func identifiers(
        of type: RecordType, role: String, values: [String: String], schoolID: UUID?
    ) async throws -> [(kind: String, index: Data)] {
        let result = identifierFields(of: type, role: role).compactMap { field in
            values[field.name].flatMap { identifierIndex(of: field, value: $0, schoolID: schoolID) }
        }
        if try await !store.tombstoned(result.map(\.index), in: workspace.id).isEmpty {
            throw VaultError(
                "an identifier of the \(role) belongs to an erased person, who must not be re-created", kind: .conflict)
        }
        return result
    }

    /// The person a new part is about: found by identifier, or made with a new data key.
    private func subject(
        for role: RecordRole, of type: RecordType, identifiers: [(kind: String, index: Data)], at time: Date,
        changes: inout ChangeSet
    ) async throws -> (UUID, SymmetricKey) {
        let found = try await store.subjectIDs(forIndexes: identifiers.map(\.index), in: workspace.id)
        if let id = identifiers.lazy.compactMap({ found[$0.index]?.first }).first,
            let subject = try await store.subjects([id], in: workspace.id).first, subject.key != nil
        {
            return (id, try dataKey(of: subject))
        }
        let id = UUID.timeOrdered()
        let key = SubjectKey.generate()
        changes.people.subjects.append(
            StoredSubject(
                id: id, workspaceID: workspace.id, kind: role.subject, schoolID: nil,
                key: try keys.wrappingKey().wrap(
                    key, context: SubjectKey.wrapContext(workspaceID: workspace.id, subjectID: id)),
                createdAt: time, lastActivityAt: time, mergedInto: nil))
        return (id, key)
    }
}
