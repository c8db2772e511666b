public import CustosCore
import CustosStorage
public import Foundation

/// The door to personal data: every read, change and write by a member of staff names a purpose,
/// and ``UseDecider`` decides it by the policy, the user's role and reach, and each person's
/// consent, restriction and objection. A refusal changes and returns nothing and is audited as
/// `access.refused`, with the rule's code and no personal data.
extension Vault {
    /// A person and the parts of their records kept for `purpose`, with only the fields the
    /// user's role reads and the purpose uses; audited as `subject.read` for the purpose.
    ///
    /// Throws a ``UseRefusal`` when no purpose is named, the purpose is not the policy's, or the
    /// person's objection, restriction (unless `ground` names an Art 18(2) ground) or missing
    /// consent stops the use; a ``VaultError`` of kind `.notFound` for a person out of reach.
    public func read(
        subject id: UUID, as user: DataUser, purpose: String?, ground: RestrictedUseGround? = nil,
        reason: String? = nil, at time: Date = Date()
    ) async throws -> SubjectView {
        // The person, their consents, restrictions, identifiers and records, in one read.
        guard let loaded = try await store.subjectForUse(id, in: workspace.id), user.access.reaches(loaded.subject)
        else { throw VaultError.subjectNotFound(id) }
        let purpose = try await namedPurpose(purpose, user: user, action: .read, subjectID: id, at: time)
        let standing = PersonStanding(consents: loaded.consents, processing: loaded.processing)
        let types = policy.recordTypes.filter { $0.purposes.contains(purpose) }
        var withheld: [String: Set<String>] = [:]
        for type in types {
            let use = DataUse(
                role: user.role, action: .read, purpose: purpose, recordType: type.id, restrictedUseGround: ground)
            switch useDecider.decide(use, standing: standing) {
            case .allowed(let fields): withheld[type.id] = fields
            case .refused(let refusal) where refusal.code == .purposeNotAllowed: continue
            case .refused(let refusal):
                try await refuse(refusal, user: user, purpose: purpose, subjectID: id, at: time)
            }
        }
        let subject = loaded.subject
        // Only the parts kept for the purpose and read by the role are opened.
        let shown = loaded.parts.filter {
            withheld[$0.type] != nil && user.access.grant(.read, recordType: $0.type) != nil
        }
        var records: [RecordView] = []
        if subject.key != nil, !shown.isEmpty {
            let key = try dataKey(of: subject)
            records = try shown.map { try open($0, key: key) }
        }
        var view = SubjectView(
            subject: subject, identifierKinds: Array(Set(loaded.identifiers.map(\.kind))).sorted(),
            records: user.access.visible(records).compactMap { record in
                withheld[record.type].map { Self.withholding($0, from: record) }
            },
            limits: SubjectView.PurposeLimit.inForce(loaded.processing, policy: policy))
        view.statements = try openedStatements(loaded.statements, of: subject, on: Set(view.records.map(\.recordID)))
        try await audit([
            event(
                "subject.read", actor: user.actor, at: time, purpose: purpose, reason: Self.reason(reason, ground),
                subjectID: id,
                detail:
                    "\(view.records.count) record part\(view.records.count == 1 ? "" : "s") for \(purpose)\(view.statements.isEmpty ? "" : ", with the person's statement on \(view.statements.count)")"
            )
        ])
        return view
    }

    /// Of the person's statements (a refused correction's), those on the records in `shown`, opened.
    private func openedStatements(
        _ all: [StoredRecordStatement], of subject: StoredSubject, on shown: Set<UUID>
    ) throws -> [SubjectView.RecordStatement] {
        let stored = all.filter { shown.contains($0.recordID) }
        guard subject.key != nil, !stored.isEmpty else { return [] }
        let key = try dataKey(of: subject)
        return try stored.map { statement in
            let text = try Envelope.open(
                statement.sealed, key: key,
                context: StoredRecordStatement.sealContext(
                    workspaceID: workspace.id, statementID: statement.id, recordID: statement.recordID),
                what: "a statement on record \(statement.recordID)")
            return SubjectView.RecordStatement(
                recordID: statement.recordID, requestID: statement.requestID,
                text: String(decoding: text, as: UTF8.self), addedAt: statement.addedAt)
        }
    }

    /// Many people at once for `purpose` (a school leader's school, a trainer's attendees): those
    /// within the user's reach whose standing allows the use, each with only the parts of their
    /// records kept for the purpose and the fields the role reads and the purpose uses. A person
    /// the door refuses is left out of the list, not shown as an error. The view is audited as one
    /// `subject.read` entry naming every person shown, which each one's own trail lists, written
    /// before anything is returned.
    public func read(
        subjects ids: [UUID], as user: DataUser, purpose: String, reason: String? = nil, at time: Date = Date()
    ) async throws -> [SubjectView] {
        let purpose = try await namedPurpose(purpose, user: user, action: .read, subjectID: nil, at: time)
        let reached = try await store.subjects(ids, in: workspace.id).filter(user.access.reaches).map(\.id)
        let standings = try await standings(of: reached)
        let types = policy.recordTypes.filter { $0.purposes.contains(purpose) }
        var withheld: [UUID: [String: Set<String>]] = [:]
        for id in reached {
            var allowed: [String: Set<String>] = [:]
            var refused = false
            for type in types {
                let use = DataUse(role: user.role, action: .read, purpose: purpose, recordType: type.id)
                switch useDecider.decide(use, standing: standings[id] ?? .nothingRecorded) {
                case .allowed(let fields): allowed[type.id] = fields
                case .refused(let refusal) where refusal.code == .purposeNotAllowed: continue
                case .refused: refused = true
                }
            }
            if !refused { withheld[id] = allowed }
        }
        let views = try await read(
            subjects: reached.filter { withheld[$0] != nil }, actor: user.actor, purpose: purpose, reason: reason,
            at: time)
        return views.map { view in
            var shown = view
            let fields = withheld[view.subject.id] ?? [:]
            shown.records = user.access.visible(view.records).compactMap { record in
                fields[record.type].map { Self.withholding($0, from: record) }
            }
            return shown
        }
    }

    /// Every part of one record the user may read for `purpose`, with only the fields their role
    /// reads and the purpose uses; audited as `record.read`. Parts of other people whose
    /// standing stops the use are left out.
    ///
    /// Throws a ``UseRefusal`` when the record's type is not kept for the purpose or the user may
    /// not use it for it, or when the standing of the record's first person stops the use.
    public func read(
        record id: UUID, as user: DataUser, purpose: String?, ground: RestrictedUseGround? = nil,
        reason: String? = nil, at time: Date = Date()
    ) async throws -> [RecordView] {
        let parts = try await reachableParts(of: id, user: user)
        let owner = ownerPart(of: parts)
        let purpose = try await namedPurpose(purpose, user: user, action: .read, subjectID: owner.subjectID, at: time)
        let decisions = try await decide(
            .read, purpose: purpose, recordType: owner.type, subjects: parts.map(\.subjectID), user: user,
            ground: ground)
        if let refusal = decisions[owner.subjectID]?.refusal {
            try await refuse(refusal, user: user, purpose: purpose, subjectID: owner.subjectID, recordID: id, at: time)
        }
        let views = try await read(
            record: id, actor: user.actor, purpose: purpose, reason: Self.reason(reason, ground), at: time,
            checkingState: false)
        return user.access.visible(views).compactMap { view in
            guard case .allowed(let fields) = decisions[view.subjectID] else { return nil }
            return Self.withholding(fields, from: view)
        }
    }

    /// Changes fields of one record for `purpose` (see ``update(record:changes:actor:purpose:reason:subjects:at:)``),
    /// when the user's role may change records of the type for the purpose and no person of the
    /// record has restricted, objected to or not consented to it.
    @discardableResult
    public func update(
        record id: UUID, changes: [String: String?], as user: DataUser, purpose: String?, reason: String? = nil,
        at time: Date = Date()
    ) async throws -> RecordWriteOutcome {
        let parts = try await reachableParts(of: id, user: user)
        let owner = ownerPart(of: parts)
        let purpose = try await namedPurpose(
            purpose, user: user, action: .update, subjectID: owner.subjectID, at: time)
        let decisions = try await decide(
            .update, purpose: purpose, recordType: owner.type, subjects: parts.map(\.subjectID), user: user,
            ground: nil)
        for part in parts {
            if let refusal = decisions[part.subjectID]?.refusal {
                try await refuse(
                    refusal, user: user, purpose: purpose, subjectID: part.subjectID, recordID: id, at: time)
            }
        }
        return try await update(
            record: id, changes: changes, actor: user.actor, purpose: purpose, reason: reason, at: time)
    }

    /// Records the user's authorisation of record `id` (a school leader authorising a CPD request):
    /// `field`, the authoriser's, is filled with `name`, and the authoriser's part joins the user's
    /// own record, found by their `email` (the role's kind of person first, then the people of their
    /// school), never a new person.
    /// Decided as an `authorise` use of the record's type for the purpose the user's access rule
    /// gives it, for the record's person; refused and audited like any other use. Throws a conflict
    /// when no one, or more than one person, holds the email.
    @discardableResult
    public func authorise(
        record id: UUID, field: RecordField, as user: DataUser, email: String, name: String, at time: Date = Date()
    ) async throws -> RecordWriteOutcome {
        let parts = try await reachableParts(of: id, user: user)
        let owner = ownerPart(of: parts)
        guard let type = policy.recordType(owner.type), let role = type.role(of: field), role.name != owner.role
        else { throw VaultError("record \(id) has no authoriser to record", kind: .invalid) }
        guard !parts.contains(where: { $0.role == role.name }) else {
            throw VaultError("record \(id) was authorised already", kind: .conflict)
        }
        guard
            let purpose = RolePurposeRule.purposes(of: user.role, .authorise, recordType: type, policy: policy)
                .first
        else {
            try await refuse(
                useDecider.purposeRequired(role: user.role, action: .authorise), user: user, purpose: nil,
                subjectID: owner.subjectID, recordID: id, at: time)
        }
        let decision = try await decide(
            .authorise, purpose: purpose, recordType: type.id, subjects: [owner.subjectID], user: user, ground: nil)
        if let refusal = decision[owner.subjectID]?.refusal {
            try await refuse(refusal, user: user, purpose: purpose, subjectID: owner.subjectID, recordID: id, at: time)
        }
        let held = try await store.subjects(
            try await subjectIDs(identifierKind: "email", value: email), in: workspace.id
        )
        .filter { $0.key != nil && $0.mergedInto == nil }
        // Of those, the role's kind of person first (BEP: a school leader), then the leader's school.
        let ofKind = held.filter { $0.kind == role.subject }
        let pool = ofKind.isEmpty ? held : ofKind
        let ofSchool = pool.filter { user.access.schoolID != nil && $0.schoolID == user.access.schoolID }
        let candidates = ofSchool.isEmpty ? pool : ofSchool
        guard candidates.count == 1, let leader = candidates.first else {
            throw VaultError(
                candidates.isEmpty
                    ? "an authorisation is kept with the authoriser's own record, found by their email address, and there is none"
                    : "more than one person holds the authoriser's email address; the office can merge them",
                kind: .conflict)
        }
        return try await update(
            record: id, changes: [field.name: name], actor: user.actor, purpose: purpose,
            reason: "authorised in the console by a leader of the person's school", subjects: [role.name: leader.id],
            at: time)
    }

    /// Writes one record for `purpose` (see ``write(_:actor:purpose:reason:at:)``), when the user's
    /// role may use its type for the purpose and no person it is found to be about has
    /// restricted, objected to or not consented to it. People the write makes are being asked
    /// now.
    @discardableResult
    public func write(
        _ input: RecordInput, as user: DataUser, purpose: String?, reason: String? = nil, at time: Date = Date()
    ) async throws -> RecordWriteOutcome {
        let purpose = try await purposeForWriting(input.type, as: user, purpose: purpose, at: time)
        if let refusal = try await refusals(writing: [input], as: user, purpose: purpose, at: time)[0] {
            throw refusal
        }
        return try await write(input, actor: user.actor, purpose: purpose, reason: reason, at: time)
    }

    /// The purpose records of `type` are written for, once the user's role is found to be allowed
    /// to write them for it: what a write or an import decides before anything else. Refused, and
    /// audited, when no purpose is named, the policy has no such purpose, or the role may not use
    /// the type for it.
    public func purposeForWriting(
        _ type: RecordType, as user: DataUser, purpose: String?, at time: Date = Date()
    ) async throws -> String {
        let purpose = try await namedPurpose(purpose, user: user, action: .update, subjectID: nil, at: time)
        let use = DataUse(role: user.role, action: .update, purpose: purpose, recordType: type.id)
        if let refusal = useDecider.decide(use, standing: .new).refusal {
            try await refuse(refusal, user: user, purpose: purpose, subjectID: nil, at: time)
        }
        return purpose
    }

    /// Of records to write for `purpose` (already decided by ``purposeForWriting(_:as:purpose:at:)``),
    /// those refused, by position, because a person one is about, held already, has restricted or
    /// objected to the purpose or not consented to it. Each refusal is audited, without personal
    /// data, unless `audited` is false (a dry run of an import writes nothing).
    public func refusals(
        writing inputs: [RecordInput], as user: DataUser, purpose: String, audited: Bool = true, at time: Date = Date()
    ) async throws -> [Int: UseRefusal] {
        try await refusals(
            writing: inputs, held: heldPeople(of: inputs), as: user, purpose: purpose, audited: audited, at: time)
    }

    /// ``refusals(writing:as:purpose:audited:at:)`` with the people `inputs` find already looked
    /// up (`held`, in the same order as `inputs`): an import looks a batch up once, for this
    /// decision and for writing the records it allows.
    func refusals(
        writing inputs: [RecordInput], held: HeldPeople, as user: DataUser, purpose: String, audited: Bool,
        at time: Date
    ) async throws -> [Int: UseRefusal] {
        let existing = existingSubjects(of: inputs, held: held)
        let held = Array(Set(existing.flatMap { $0 }))
        guard !held.isEmpty else { return [:] }
        let standings = try await standings(of: held)
        var refused: [Int: UseRefusal] = [:]
        var events: [AuditEvent] = []
        for (position, input) in inputs.enumerated() {
            let use = DataUse(role: user.role, action: .update, purpose: purpose, recordType: input.type.id)
            for subjectID in existing[position] {
                guard let refusal = useDecider.decide(use, standing: standings[subjectID] ?? .nothingRecorded).refusal
                else { continue }
                refused[position] = refusal
                events.append(
                    event(
                        "access.refused", actor: user.actor, at: time, purpose: purpose, subjectID: subjectID,
                        detail: "refused: \(refusal.code)"))
                break
            }
        }
        if audited, !events.isEmpty { try await audit(events) }
        return refused
    }

    /// The decision, for each of `subjects`, on `action` with records of `recordType` for `purpose`.
    private func decide(
        _ action: AccessAction, purpose: String, recordType: String, subjects: [UUID], user: DataUser,
        ground: RestrictedUseGround?
    ) async throws -> [UUID: UseDecision] {
        let use = DataUse(
            role: user.role, action: action, purpose: purpose, recordType: recordType, restrictedUseGround: ground)
        let standings = try await standings(of: subjects)
        return Dictionary(
            subjects.map {
                ($0, useDecider.decide(use, standing: standings[$0] ?? .nothingRecorded))
            }, uniquingKeysWith: { first, _ in first })
    }

    /// The people among `ids` within `access`'s reach, by their standing alone (nothing of theirs
    /// is opened): what a search lists, and how a page checks the person its address names
    /// before reading them. Out of reach is left out, so it reads exactly as unknown.
    public func subjects(_ ids: [UUID], reachableBy access: StaffAccess) async throws -> [StoredSubject] {
        try await store.subjects(ids, in: workspace.id).filter(access.reaches)
    }

    /// The purposes the user's role may use for `action` with some record the person has, in the
    /// policy's order: what a page that shows one person offers to read them for. Reads only the
    /// types of the person's records, never their contents.
    public func purposes(of user: DataUser, _ action: AccessAction, about subjectID: UUID) async throws -> [String] {
        let types = try await store.contactFacts(ofSubject: subjectID, in: workspace.id)?.recordTypes ?? []
        let usable = Set(
            policy.recordTypes.filter { types.contains($0.id) }.flatMap {
                RolePurposeRule.purposes(of: user.role, action, recordType: $0, policy: policy)
            })
        return policy.purposes.map(\.id).filter(usable.contains)
    }

    /// The purpose named, checked to be the policy's; refused and audited otherwise.
    private func namedPurpose(
        _ purpose: String?, user: DataUser, action: AccessAction, subjectID: UUID?, at time: Date
    ) async throws -> String {
        guard let purpose = purpose?.trimmingCharacters(in: .whitespacesAndNewlines), !purpose.isEmpty else {
            try await refuse(
                useDecider.purposeRequired(role: user.role, action: action), user: user, purpose: nil,
                subjectID: subjectID, at: time)
        }
        guard policy.purpose(purpose) != nil else {
            try await refuse(
                useDecider.unknownPurpose(purpose, role: user.role, action: action), user: user, purpose: nil,
                subjectID: subjectID, at: time)
        }
        return purpose
    }

    /// Audits the refusal, without personal data, then throws it.
    func refuse(
        _ refusal: UseRefusal, user: DataUser, purpose: String?, subjectID: UUID?, recordID: UUID? = nil,
        at time: Date
    ) async throws -> Never {
        try await audit([
            event(
                "access.refused", actor: user.actor, at: time, purpose: purpose, subjectID: subjectID,
                recordID: recordID, detail: "refused: \(refusal.code)")
        ])
        throw refusal
    }

    /// Each person's consents and processing states.
    func standings(of subjects: [UUID]) async throws -> [UUID: PersonStanding] {
        guard !subjects.isEmpty else { return [:] }
        let consents = Dictionary(
            grouping: try await store.consentEntries(ofSubjects: subjects, in: workspace.id), by: \.subjectID)
        let states = Dictionary(
            grouping: try await store.processingStates(ofSubjects: subjects, in: workspace.id), by: \.subjectID)
        return Dictionary(
            subjects.map { ($0, PersonStanding(consents: consents[$0] ?? [], processing: states[$0] ?? [])) },
            uniquingKeysWith: { first, _ in first })
    }

    /// The parts of a record whose first person is within the user's reach; not found otherwise.
    private func reachableParts(of id: UUID, user: DataUser) async throws -> [StoredRecordPart] {
        let parts = try await store.recordParts(ofRecord: id, in: workspace.id)
        guard !parts.isEmpty else { throw VaultError.recordNotFound(id) }
        let owner = ownerPart(of: parts)
        guard let subject = try await store.subjects([owner.subjectID], in: workspace.id).first,
            user.access.reaches(subject)
        else { throw VaultError.recordNotFound(id) }
        return parts
    }

    /// The part of the record's first role, by which reach and refusals are judged.
    private func ownerPart(of parts: [StoredRecordPart]) -> StoredRecordPart {
        let ownerRole = policy.recordType(parts[0].type)?.roles.first?.name
        return parts.first { $0.role == ownerRole } ?? parts[0]
    }

    /// For each record input, the people it is about who are held already: named by id, or found
    /// by its identifiers or lookups (`held`, in the same order as `inputs`).
    private func existingSubjects(of inputs: [RecordInput], held: HeldPeople) -> [[UUID]] {
        inputs.enumerated().map { position, input in
            var subjects = Set(input.subjects.values)
            for role in input.type.roles {
                let finding = finding(held.identifiers[position][role.name] ?? [], role: role.name, of: input.type)
                for (_, index) in finding { subjects.formUnion(held.found[index] ?? []) }
            }
            for index in held.lookups[position].values.joined() { subjects.formUnion(held.found[index] ?? []) }
            return subjects.sorted { $0.uuidString < $1.uuidString }
        }
    }

    private static func withholding(_ fields: Set<String>, from view: RecordView) -> RecordView {
        guard !fields.isEmpty else { return view }
        var shown = view
        shown.values = view.values.filter { !fields.contains($0.key) }
        shown.pseudonymised = view.pseudonymised.filter { !fields.contains($0) }
        return shown
    }

    private static func reason(_ reason: String?, _ ground: RestrictedUseGround?) -> String? {
        guard let ground else { return reason }
        return "restricted data used \(ground.plainEnglish)" + (reason.map { ": \($0)" } ?? "")
    }
}
