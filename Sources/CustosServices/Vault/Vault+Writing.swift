import Crypto
import CustosCore
public import CustosStorage
public import Foundation

extension Vault {
    /// Checks one record against its type and writes it, in the form Custos keeps, and audits it.
    ///
    /// Throws a ``VaultError`` listing each field's problem when the record is not valid.
    @discardableResult
    public func write(
        _ input: RecordInput, actor: String, purpose: String? = nil, reason: String? = nil, at time: Date = Date()
    ) async throws -> RecordWriteOutcome {
        let validation = RecordValidator(recordType: input.type).validate(input.values)
        guard validation.isValid else { throw VaultError.invalidRecord(input.type.id, validation.problems) }
        var valid = input
        valid.values = validation.values
        // Another write may make the same new person meanwhile; the store then refuses this one,
        // and it is worked out again, finding that person.
        for attempt in 1...Self.identityAttempts {
            do {
                return try await writeOnce(valid, actor: actor, purpose: purpose, reason: reason, at: time)
            } catch let error as StoreError where error == .identityTaken && attempt < Self.identityAttempts {
                continue
            }
        }
        throw StoreError.identityTaken
    }

    /// How many times a write that met another making the same person is worked out again.
    static let identityAttempts = 3

    /// One attempt at ``write(_:actor:purpose:reason:at:)`` with a valid `input`.
    private func writeOnce(
        _ input: RecordInput, actor: String, purpose: String?, reason: String?, at time: Date
    ) async throws -> RecordWriteOutcome {
        var (changes, outcomes) = try await prepare([input], at: time)
        guard let outcome = outcomes.first else { throw StoreError.corruptData("no outcome for a record") }
        switch outcome {
        case .created(let id, let subjects, _), .updated(let id, let subjects):
            let action = if case .created = outcome { "record.create" } else { "record.update" }
            for subjectID in Set(subjects.values).sorted(by: { $0.uuidString < $1.uuidString }) {
                changes.audit.append(
                    event(
                        action, actor: actor, at: time, purpose: purpose, reason: reason, subjectID: subjectID,
                        recordID: id, detail: "type \(input.type.id), source \(input.source.kind.rawValue)"))
            }
            try await store.apply(changes)
        case .suppressed:
            try await audit([
                event(
                    "record.suppressed", actor: actor, at: time, purpose: purpose, reason: reason,
                    detail: "type \(input.type.id): an identifier belongs to an erased person")
            ])
        case .personNotFound(let role):
            throw VaultError.personNotFound(role: role, of: input.type)
        case .schoolNotHeld(let field):
            throw VaultError(
                "\(field): the workspace holds no school with this URN; add the school first", kind: .invalid)
        case .schoolNeeded(let field):
            throw VaultError.schoolNeeded(field: field)
        }
        return outcome
    }

    /// Works out what writing `inputs` means, without writing: which people they concern (found by
    /// identifier, or new), which existing records they replace, and the sealed parts. Inputs
    /// later in the list see the people and records of earlier ones. The caller adds audit
    /// events and applies the change set.
    public func prepare(_ inputs: [RecordInput], at time: Date) async throws -> (ChangeSet, [RecordWriteOutcome]) {
        let (changes, outcomes, _) = try await prepare(inputs, at: time, following: .none)
        return (changes, outcomes)
    }

    /// ``prepare(_:at:)`` after a change set prepared but not yet applied, whose people, records
    /// and schools (`earlier`) are taken as held. Returns, with the changes and outcomes, what
    /// these changes make for the next batch to follow in the same way.
    public func prepare(
        _ inputs: [RecordInput], at time: Date, following earlier: UnappliedWrites
    ) async throws -> (ChangeSet, [RecordWriteOutcome], UnappliedWrites) {
        try await prepare(inputs, at: time, following: earlier, held: heldPeople(of: inputs))
    }

    /// The blind indexes of `inputs`' identifiers and lookups, and the people already held whom
    /// they find, in one query for them all. Values are taken in their kept form; one that cannot
    /// be an identifier of its kind finds no one.
    func heldPeople(of inputs: [RecordInput]) async throws -> HeldPeople {
        var identifiers: [[String: [(kind: String, index: Data)]]] = []
        var lookups: [[String: [Data]]] = []
        var allIndexes: [Data] = []
        identifiers.reserveCapacity(inputs.count)
        lookups.reserveCapacity(inputs.count)
        for input in inputs {
            var byRole: [String: [(kind: String, index: Data)]] = [:]
            for role in input.type.roles {
                for field in identifierFields(of: input.type, role: role.name) {
                    guard let kind = field.identifierKind, let value = input.values[field.name],
                        let normalised = IdentifierNormaliser.normalise(kind: kind, value: value),
                        let (kind, index) = identifierIndex(of: field, value: normalised, schoolID: input.schoolID)
                    else { continue }
                    byRole[role.name, default: []].append((kind, index))
                    allIndexes.append(index)
                }
            }
            identifiers.append(byRole)
            var lookupsOfRoles: [String: [Data]] = [:]
            for (role, values) in input.lookups {
                for (kind, value) in values {
                    guard let normalised = IdentifierNormaliser.normalise(kind: kind, value: value) else { continue }
                    let index = indexer.index(kind: kind, value: normalised)
                    lookupsOfRoles[role, default: []].append(index)
                    allIndexes.append(index)
                }
            }
            lookups.append(lookupsOfRoles)
        }
        let found = allIndexes.isEmpty ? [:] : try await store.subjectIDs(forIndexes: allIndexes, in: workspace.id)
        return HeldPeople(identifiers: identifiers, lookups: lookups, found: found)
    }

    /// ``prepare(_:at:following:)`` with `inputs`' people already looked up (`held`, in the same
    /// order as `inputs`).
    func prepare(
        _ inputs: [RecordInput], at time: Date, following earlier: UnappliedWrites, held: HeldPeople
    ) async throws -> (ChangeSet, [RecordWriteOutcome], UnappliedWrites) {
        let indexesByInput = held.identifiers
        let lookupsByInput = held.lookups
        let existing = held.found
        let named = Set(inputs.flatMap(\.subjects.values))
        let tombstoned = try await store.tombstoned(held.indexes, in: workspace.id)
        let existingIDs = Array(Set(existing.values.compactMap(\.first)).union(named))
        var subjectsByID: [UUID: StoredSubject] = [:]
        for subject in try await store.subjects(existingIDs, in: workspace.id) { subjectsByID[subject.id] = subject }
        var ownerRoles: [String: String] = [:]
        var rolesOfFields: [String: [String: String]] = [:]
        for input in inputs where rolesOfFields[input.type.id] == nil {
            ownerRoles[input.type.id] = input.type.roles.first?.name
            var roles: [String: String] = [:]
            for field in input.type.fields { roles[field.name] = input.type.role(of: field)?.name }
            rolesOfFields[input.type.id] = roles
        }
        var latestRecords: [String: [UUID: UUID]] = [:]
        for (typeID, ownerRole) in ownerRoles {
            latestRecords[typeID] = try await store.latestRecordIDs(
                ofType: typeID, role: ownerRole, subjects: existingIDs, in: workspace.id)
        }
        var schoolsByURN: [String: School] = [:]
        if inputs.contains(where: { input in input.type.fields.contains { $0.format == .urn } }) {
            for school in try await store.schools(in: workspace.id) {
                if let urn = school.urn { schoolsByURN[urn] = school }
            }
            schoolsByURN.merge(earlier.schoolsByURN) { held, _ in held }
        }

        // Pass 2: people, records and sealed parts.
        var changes = ChangeSet(workspaceID: workspace.id)
        var outcomes: [RecordWriteOutcome] = []
        var subjectForIndex: [Data: UUID] = [:]
        var dataKeys: [UUID: SymmetricKey] = [:]
        let master = try keys.wrappingKey()
        var recordInBatch: [String: UUID] = [:]
        var touched: Set<UUID> = []
        outcomes.reserveCapacity(inputs.count)
        for (position, input) in inputs.enumerated() {
            let indexes = indexesByInput[position]
            if let role = indexes.first(where: { $0.value.contains { tombstoned.contains($0.index) } })?.key {
                outcomes.append(.suppressed(role: role))
                continue
            }
            // Roles about someone already held: the person named, or found by a lookup; else nothing is written.
            var held: [String: UUID] = [:]
            var missing: String?
            for role in input.type.roles where role.isAboutSomeoneHeld || input.subjects[role.name] != nil {
                let values = input.values.filter { name, _ in (rolesOfFields[input.type.id] ?? [:])[name] == role.name }
                guard !values.isEmpty || input.subjects[role.name] != nil else { continue }
                let candidate =
                    input.subjects[role.name]
                    ?? lookupsByInput[position][role.name]?.lazy.compactMap {
                        existing[$0]?.first ?? earlier.subjectForIndex[$0]
                    }.first
                    ?? finding(indexes[role.name] ?? [], role: role.name, of: input.type).lazy.compactMap {
                        existing[$0.index]?.first ?? earlier.subjectForIndex[$0.index]
                    }.first
                let isHeld = candidate.map { id in
                    subjectsByID[id].map { $0.key != nil && $0.mergedInto == nil } ?? (earlier.dataKeys[id] != nil)
                }
                guard let candidate, isHeld == true else {
                    missing = role.name
                    break
                }
                held[role.name] = candidate
            }
            if let missing {
                outcomes.append(.personNotFound(role: missing))
                continue
            }
            // A record identified only within a school, with no school given, identifies no one.
            if let owner = input.type.roles.first?.name, held[owner] == nil, input.subjects[owner] == nil,
                (indexes[owner] ?? []).isEmpty,
                let field = identifierFields(of: input.type, role: owner).first(where: {
                    $0.identifierScope == .school && input.values[$0.name] != nil
                })
            {
                outcomes.append(.schoolNeeded(field: field.name))
                continue
            }
            if input.schoolMustBeHeld, input.schoolID == nil,
                let field = input.type.fields.first(where: { $0.format == .urn }),
                let urn = input.values[field.name], schoolsByURN[urn] == nil
            {
                outcomes.append(.schoolNotHeld(field: field.name))
                continue
            }
            let schoolID = try input.schoolID ?? school(for: input, known: &schoolsByURN, changes: &changes)
            let recordID: UUID
            var subjects: [String: UUID] = [:]
            var newSubjects = 0
            var isUpdate = false
            // The owner (first role) decides whether this replaces an existing record.
            var partsToSeal: [(role: String, subjectID: UUID, values: [String: String])] = []
            let roleOfField = rolesOfFields[input.type.id] ?? [:]
            for role in input.type.roles {
                let values = input.values.filter { name, _ in roleOfField[name] == role.name }
                guard !values.isEmpty else { continue }
                let roleIndexes = indexes[role.name] ?? []
                let findingIndexes = finding(roleIndexes, role: role.name, of: input.type)
                let found =
                    held[role.name]
                    ?? findingIndexes.lazy.compactMap { subjectForIndex[$0.index] }.first
                    ?? findingIndexes.lazy.compactMap { existing[$0.index]?.first }.first
                    ?? findingIndexes.lazy.compactMap { earlier.subjectForIndex[$0.index] }.first
                let subjectID: UUID
                var claimed: Set<Data> = []
                if let found {
                    subjectID = found
                    if subjectsByID[found] != nil, !touched.contains(found) {
                        touched.insert(found)
                        changes.people.subjectUpdates.append(.lastActivity(found, time))
                        if let schoolID, subjectsByID[found]?.schoolID != schoolID {
                            changes.people.subjectUpdates.append(.school(found, schoolID))
                        }
                    }
                } else {
                    subjectID = UUID.timeOrdered()
                    let key = SubjectKey.generate()
                    dataKeys[subjectID] = key
                    let wrapped = try master.wrap(
                        key, context: SubjectKey.wrapContext(workspaceID: workspace.id, subjectID: subjectID))
                    changes.people.subjects.append(
                        StoredSubject(
                            id: subjectID, workspaceID: workspace.id, kind: role.subject, schoolID: schoolID,
                            key: wrapped, createdAt: time, lastActivityAt: time, mergedInto: nil))
                    newSubjects += 1
                    // What found no one made this person: no one else may be made by it.
                    claimed = Set(findingIndexes.map(\.index))
                }
                for (kind, index) in roleIndexes {
                    subjectForIndex[index] = subjectID
                    if existing[index]?.contains(subjectID) != true, earlier.subjectForIndex[index] != subjectID {
                        changes.people.identifiers.append(
                            StoredIdentifier(
                                index: index, kind: kind, subjectID: subjectID, claims: claimed.contains(index)))
                    }
                }
                subjects[role.name] = subjectID
                partsToSeal.append((role.name, subjectID, values))
            }
            let ownerKey = input.type.roles.first.flatMap { subjects[$0.name] }.map {
                input.type.id + "\u{1F}" + UUIDText.text(of: $0)
            }
            if input.isAnotherRecord {
                recordID = UUID.timeOrdered()
            } else if let ownerKey, let written = recordInBatch[ownerKey] ?? earlier.recordForOwner[ownerKey] {
                recordID = written
                isUpdate = true
            } else if let owner = input.type.roles.first.flatMap({ subjects[$0.name] }),
                let latest = latestRecords[input.type.id]?[owner]
            {
                recordID = latest
                isUpdate = true
            } else {
                recordID = UUID.timeOrdered()
            }
            if let ownerKey { recordInBatch[ownerKey] = recordID }
            for part in partsToSeal {
                let key: SymmetricKey
                if let known = dataKeys[part.subjectID] ?? earlier.dataKeys[part.subjectID] {
                    key = known
                } else if let stored = subjectsByID[part.subjectID] {
                    key = try dataKey(of: stored)
                    dataKeys[part.subjectID] = key
                } else {
                    throw StoreError.corruptData("a subject found by identifier is missing")
                }
                changes.people.recordParts.append(
                    try seal(
                        part.values, of: input.type, role: part.role, recordID: recordID, subjectID: part.subjectID,
                        source: input.source, key: key, at: time, replacing: isUpdate))
            }
            outcomes.append(
                isUpdate
                    ? .updated(recordID: recordID, subjects: subjects)
                    : .created(recordID: recordID, subjects: subjects, newSubjects: newSubjects))
        }
        var made = UnappliedWrites(
            subjectForIndex: subjectForIndex, dataKeys: dataKeys, recordForOwner: recordInBatch, schoolsByURN: [:])
        for school in changes.people.schools { if let urn = school.urn { made.schoolsByURN[urn] = school } }
        return (changes, outcomes, made)
    }

    /// Seals one person's part: pseudonymised fields replaced by their pseudonyms, the originals
    /// sealed apart for re-identification.
    func seal(
        _ values: [String: String], of type: RecordType, role: String, recordID: UUID, subjectID: UUID,
        source: RecordSource, key: SymmetricKey, at time: Date, replacing: Bool
    ) throws -> StoredRecordPart {
        var shown = values
        var originals: [String: String] = [:]
        let pseudonymised = pseudonymisedFields(of: type)
        for (name, value) in values where pseudonymised.contains(name) {
            shown[name] = pseudonymiser.pseudonym(field: name, value: value)
            originals[name] = value
        }
        let sealed = try Envelope.seal(
            RecordContentCoding.encode(shown), key: key,
            context: SubjectKey.recordContext(workspaceID: workspace.id, recordID: recordID, type: type.id, role: role))
        let reidentification =
            originals.isEmpty
            ? nil
            : try Envelope.seal(
                RecordContentCoding.encode(originals), key: key,
                context: SubjectKey.reidentificationContext(
                    workspaceID: workspace.id, recordID: recordID, type: type.id, role: role))
        return StoredRecordPart(
            recordID: recordID, role: role, workspaceID: workspace.id, type: type.id, subjectID: subjectID,
            source: source, createdAt: time, updatedAt: time, sealed: sealed, reidentification: reidentification,
            eventIndex: eventIndex(of: values, type: type, role: role),
            names: nameIndex(of: values, type: type, role: role, replacing: replacing))
    }

    /// The name index of a part holding `values`: keyed hashes of its person's name's words and of
    /// the whole name (``DisplayName``). Pseudonymised fields are left out: a pseudonym is kept so
    /// that the name is not. Nil for a new part with no name to index.
    func nameIndex(of values: [String: String], type: RecordType, role: String, replacing: Bool) -> RecordPartNames? {
        let named = indexedNameFields(of: type, role: role).compactMap { values[$0] }
        let words = DisplayName.words(named.joined(separator: " "))
        guard replacing || !words.isEmpty else { return nil }
        return RecordPartNames(
            words: words.map { indexer.index(kind: Self.nameWordKind, value: $0) },
            whole: DisplayName.whole(words).map { indexer.index(kind: Self.wholeNameKind, value: $0) },
            replacing: replacing)
    }

    /// The blind-index kinds of a name's words and of a whole name: field names, and so
    /// identifiers' kinds, cannot hold a hyphen.
    static let nameWordKind = "name-word"
    static let wholeNameKind = "name-whole"

    /// The blind index of the event an attendee's part names (``EventSettings``); nil for any
    /// other part.
    private func eventIndex(of values: [String: String], type: RecordType, role: String) -> Data? {
        guard let events = policy.events, events.recordType == type.id, role == type.roles.first?.name,
            let name = values[events.field], !name.isEmpty
        else { return nil }
        return eventIndex(name)
    }

    /// The blind index of event `name`, as attendance records and trainers' accounts name it.
    public func eventIndex(_ name: String) -> Data {
        index(kind: "event", value: EventSettings.normalised(name))
    }

    /// The school a record names by URN, made if the workspace does not know it yet.
    func school(
        for input: RecordInput, known: inout [String: School], changes: inout ChangeSet
    ) throws -> UUID? {
        guard let field = input.type.fields.first(where: { $0.format == .urn }),
            let urn = input.values[field.name]
        else { return nil }
        if let school = known[urn] { return school.id }
        let nameField = input.type.fields.first {
            $0.format != .urn && $0.category.hasPrefix("user.workplace") && input.values[$0.name] != nil
        }
        let school = School(
            id: UUID(), workspaceID: workspace.id, name: nameField.flatMap { input.values[$0.name] } ?? "School \(urn)",
            urn: urn, laCode: nil)
        known[urn] = school
        changes.people.schools.append(school)
        return school.id
    }

    /// Of a role's identifier indexes, in order, those that find its person (see
    /// ``RecordType/findingCount(of:present:)``).
    func finding(
        _ indexes: [(kind: String, index: Data)], role: String, of type: RecordType
    ) -> ArraySlice<(kind: String, index: Data)> {
        indexes.prefix(type.findingCount(of: role, present: indexes.count))
    }
}
