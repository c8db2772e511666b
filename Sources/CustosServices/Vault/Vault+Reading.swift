import Crypto
import CustosCore
import CustosStorage
public import Foundation

extension Vault {
    /// The subjects an identifier points to (normally one; more means likely duplicates). The
    /// lookup itself reads no personal data; reading the subjects is audited. An identifier that
    /// tells people apart only within a school (a pupil's name) finds no one this way.
    public func subjectIDs(identifierKind kind: String, value: String) async throws -> [UUID] {
        if schoolScopedKinds.contains(kind) { return [] }
        guard let normalised = IdentifierNormaliser.normalise(kind: kind, value: value) else {
            throw VaultError("the value given is not a valid \(kind)", kind: .invalid)
        }
        return try await store.subjectIDs(
            forIndexes: [indexer.index(kind: kind, value: normalised)], in: workspace.id
        ).values.first ?? []
    }

    /// A subject and every part of every record about them, opened; audited as `subject.read`.
    /// A read for a `purpose` the person's data is restricted for, or they objected to, is
    /// refused: such data is only stored (UK GDPR Arts 18 and 21). A read naming no purpose (the
    /// DPO answering the person, storage itself) goes on.
    ///
    /// Throws a ``CryptoFailure`` naming the record when a part was tampered with.
    public func read(
        subject id: UUID, actor: String, purpose: String? = nil, reason: String? = nil, at time: Date = Date()
    ) async throws -> SubjectView {
        let (view, entry) = try await unauditedView(
            subject: id, actor: actor, purpose: purpose, reason: reason, at: time)
        try await audit([entry])
        return view
    }

    /// What ``read(subject:actor:purpose:reason:at:)`` reads, and its audit entry, which the
    /// caller must write (with its own, in one commit) before the view leaves its hands.
    func unauditedView(
        subject id: UUID, actor: String, purpose: String?, reason: String?, at time: Date
    ) async throws -> (SubjectView, AuditEvent) {
        guard let subject = try await store.subjects([id], in: workspace.id).first else {
            throw VaultError.subjectNotFound(id)
        }
        if let purpose, try await !stopped(for: purpose, among: [id]).isEmpty {
            throw VaultError(
                "purpose: the person's data is restricted or objected to for '\(purpose)': it is only stored (UK GDPR Arts 18 and 21)"
            )
        }
        // One after the other: each is a short indexed read on this thread (the SQLite store's
        // `readNow`), so child tasks would cost more than they could save.
        let identifiers = try await store.identifiers(ofSubject: id, in: workspace.id)
        let records: [RecordView]
        if subject.key == nil {
            records = []
        } else {
            let key = try dataKey(of: subject)
            records = try await store.recordParts(ofSubjects: [id], in: workspace.id).map { try open($0, key: key) }
        }
        let view = SubjectView(
            subject: subject, identifierKinds: Array(Set(identifiers.map(\.kind))).sorted(), records: records)
        return (
            view,
            event(
                "subject.read", actor: actor, at: time, purpose: purpose, reason: reason, subjectID: id,
                detail: "\(records.count) record part\(records.count == 1 ? "" : "s")")
        )
    }

    /// Every part of one record, each opened with its person's key; audited as `record.read`.
    /// Parts whose person was erased are left out, and so, for a read for a `purpose`, are the
    /// parts of people whose data is restricted or objected to for it.
    public func read(
        record id: UUID, actor: String, purpose: String? = nil, reason: String? = nil, at time: Date = Date()
    ) async throws -> [RecordView] {
        try await read(record: id, actor: actor, purpose: purpose, reason: reason, at: time, checkingState: true)
    }

    /// The record's parts, opened and audited for `purpose`; with `checkingState`, the parts of
    /// people whose data is restricted or objected to for it are left out (the door decides them
    /// itself).
    func read(
        record id: UUID, actor: String, purpose: String?, reason: String?, at time: Date, checkingState: Bool
    ) async throws -> [RecordView] {
        let parts = try await store.recordParts(ofRecord: id, in: workspace.id)
        guard !parts.isEmpty else { throw VaultError.recordNotFound(id) }
        var subjects: [UUID: StoredSubject] = [:]
        for subject in try await store.subjects(parts.map(\.subjectID), in: workspace.id) {
            subjects[subject.id] = subject
        }
        var stopped: Set<UUID> = []
        if checkingState, let purpose {
            stopped = try await self.stopped(for: purpose, among: Array(subjects.keys))
        }
        var views: [RecordView] = []
        for part in parts where !stopped.contains(part.subjectID) {
            guard let subject = subjects[part.subjectID], subject.key != nil else { continue }
            views.append(try open(part, key: try dataKey(of: subject)))
        }
        try await audit(
            Set(parts.map(\.subjectID)).sorted { $0.uuidString < $1.uuidString }.map {
                event(
                    "record.read", actor: actor, at: time, purpose: purpose, reason: reason, subjectID: $0,
                    recordID: id)
            })
        return views
    }

    /// Those of `subjects` whose data may not be used for `purpose`: restricted or objected to.
    func stopped(for purpose: String, among subjects: [UUID]) async throws -> Set<UUID> {
        let entries = Dictionary(
            grouping: try await store.processingStates(ofSubjects: subjects, in: workspace.id), by: \.subjectID)
        return Set(
            entries.compactMap { subject, entries in
                ProcessingStateEntry.state(for: purpose, in: entries) == .active ? nil : subject
            })
    }

    /// The original values behind a record's pseudonyms, by role and field: a separate, audited
    /// act that needs a reason.
    public func reidentify(
        record id: UUID, actor: String, reason: String, at time: Date = Date()
    ) async throws -> [String: [String: String]] {
        guard !reason.allSatisfy(\.isWhitespace) else {
            throw VaultError("re-identification needs a reason, which the audit log records")
        }
        let parts = try await store.recordParts(ofRecord: id, in: workspace.id)
        guard !parts.isEmpty else { throw VaultError.recordNotFound(id) }
        var originals: [String: [String: String]] = [:]
        for part in parts {
            guard part.reidentification != nil,
                let subject = try await store.subjects([part.subjectID], in: workspace.id).first
            else { continue }
            originals[part.role] = try pseudonymOriginals(of: part, key: try dataKey(of: subject))
        }
        try await audit(
            parts.map {
                event(
                    "record.reidentify", actor: actor, at: time, reason: reason, subjectID: $0.subjectID,
                    recordID: id, detail: "role \($0.role)")
            })
        return originals
    }

    /// Opens one part with its person's key.
    func open(_ part: StoredRecordPart, key: SymmetricKey) throws -> RecordView {
        let bytes = try Envelope.open(
            part.sealed, key: key,
            context: SubjectKey.recordContext(
                workspaceID: workspace.id, recordID: part.recordID, type: part.type, role: part.role),
            what: "record \(part.recordID) (\(part.role))")
        guard let values = RecordContentCoding.decode(bytes) else {
            throw CryptoFailure("record \(part.recordID) (\(part.role)) is not in Custos's format")
        }
        let type = policy.recordType(part.type)
        return RecordView(
            recordID: part.recordID, type: part.type, role: part.role, subjectID: part.subjectID, source: part.source,
            createdAt: part.createdAt, updatedAt: part.updatedAt, values: values,
            pseudonymised: values.keys.filter { type?.field(named: $0)?.pseudonymise == true }.sorted())
    }
}
