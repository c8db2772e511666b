public import CustosCore
public import CustosStorage
public import Foundation

/// The disclosure log: each time a person's data left the workspace, to whom (an organisation the
/// policy names, or another: the police, social care, another school, a regulator), which records
/// or categories, on which lawful basis or exemption, why, who decided and when.
///
/// A disclosure made without telling the person (Hutton: "where the risk is so great that we must
/// share straight away … we tell you as soon as it is safe") carries a task to tell them, and
/// stays out of their access package until they are told. The log feeds access packages and
/// names the recipients to tell of an erasure, rectification or restriction (Art 19).
public struct Disclosures: Sendable {
    public let vault: Vault

    public init(vault: Vault) {
        self.vault = vault
    }

    var store: any CustosStore { vault.store }
    var workspaceID: UUID { vault.workspace.id }
    var policy: Policy { vault.policy }

    /// Who received a disclosure.
    public enum Recipient: Sendable, Equatable {
        /// A recipient the policy names, by id.
        case policy(String)
        /// An organisation the policy does not name.
        case other(name: String, kind: DisclosureRecipientKind)
    }

    /// Records that `recordTypes` (or, narrower, their `categories`) of `subject` were disclosed
    /// to `recipient` on `day`. The ground is `basis`, else the lawful basis of `purpose` (or of
    /// the one purpose that shares with a policy recipient), and may add an `exemption`; at least
    /// one is needed. `withoutTelling` marks one made without telling the person, and adds a
    /// task to tell them. Throws a ``VaultError`` naming the field when anything does not fit the
    /// policy; nothing is then recorded.
    @discardableResult
    public func record(
        subject: UUID, to recipient: Recipient, recordTypes: [String], categories: [String] = [],
        purpose: String? = nil, basis: LawfulBasis? = nil, exemption: DisclosureExemption? = nil, reason: String,
        decidedBy: String? = nil, withoutTelling: Bool = false, on day: CalendarDay, actor: String,
        at time: Date = Date()
    ) async throws -> StoredDisclosure {
        try VaultError.requireNotFuture(day, "on", at: time)
        let person = try await Contacts(vault: vault).current(subject)
        let (recipientID, name, kind) = try resolved(recipient)
        let types = try checkedTypes(recordTypes)
        try check(categories, of: types)
        let purpose = try purposeOf(purpose, recipientID: recipientID)
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw VaultError("reason: say why it was disclosed", kind: .invalid) }
        let lawfulBasis = basis ?? purpose?.lawfulBasis
        guard lawfulBasis != nil || exemption != nil else {
            throw VaultError(
                "basis: say on which lawful basis (--basis) or exemption (--exemption) it was disclosed",
                kind: .invalid)
        }
        guard day <= CalendarDay(time, in: CalendarDay.clockTimeZone) else {
            throw VaultError("on: a disclosure is recorded once it is made, not before", kind: .invalid)
        }
        let decided = decidedBy?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let id = UUID()
        let facts = DisclosureFacts(
            recordTypes: types.map(\.id), categories: categories, purpose: purpose?.id, lawfulBasis: lawfulBasis,
            exemption: exemption, madeWithoutTelling: withoutTelling)
        let (key, sealed) = try OwnKeySealing.seal(
            DisclosureText(reason: reason), under: vault.requesterKey, keyContext: Self.keyContext(id, workspaceID),
            context: Self.sealContext(id, workspaceID))
        var changes = ChangeSet(workspaceID: workspaceID)
        var taskID: UUID?
        if withoutTelling {
            let task = StoredTask(
                workspaceID: workspaceID, kind: .tellOfDisclosure, requestID: nil, subjectID: person,
                summary:
                    "Tell the person of disclosure \(id) to \(name) on \(day.iso), as soon as it is safe, then record it (custos disclosure told)",
                recipients: [], dueOn: nil, createdAt: time, createdBy: actor)
            taskID = task.id
            changes.tasks.opened = [task]
        }
        let disclosure = StoredDisclosure(
            id: id, subjectID: person, disclosedOn: day, recipientID: recipientID, recipientName: name,
            recipientKind: kind, facts: facts, taskID: taskID, decidedBy: decided.isEmpty ? actor : decided, key: key,
            sealed: sealed, recordedBy: actor, recordedAt: time)
        changes.disclosures.recorded = [disclosure]
        changes.audit = [
            vault.event(
                "disclosure.recorded", actor: actor, at: time, purpose: purpose?.id, subjectID: person,
                detail:
                    "disclosure \(id) to \(recipientID ?? kind?.rawValue ?? "other") on \(day.iso) of \(facts.recordTypes.joined(separator: ", ")); \(facts.ground)\(withoutTelling ? "; made without telling the person" : "")"
            )
        ]
        try await store.apply(changes)
        return disclosure
    }

    /// Records that the person was told on `day` of a disclosure made without telling them, and
    /// marks the task to tell them done. A second time changes nothing.
    @discardableResult
    public func told(
        _ id: UUID, on day: CalendarDay, actor: String, at time: Date = Date()
    ) async throws
        -> StoredDisclosure
    {
        try VaultError.requireNotFuture(day, "on", at: time)
        var disclosure = try await load(id)
        guard disclosure.awaitsTelling else { return disclosure }
        guard day >= disclosure.disclosedOn else {
            throw VaultError("on: the person is told on or after the day of the disclosure", kind: .invalid)
        }
        disclosure.toldOn = day
        var changes = ChangeSet(workspaceID: workspaceID)
        let (telling, event) = self.telling(disclosure, on: day, actor: actor, at: time)
        changes.disclosures.tellings = [telling]
        if let taskID = disclosure.taskID, let task = try await store.task(taskID, in: workspaceID),
            task.doneOn == nil
        {
            changes.tasks.completions = [
                TaskCompletion(taskID: taskID, on: day, by: actor, note: "The person was told on \(day.iso).")
            ]
        }
        changes.audit = [event]
        try await store.apply(changes)
        return disclosure
    }

    /// That the person was told of `disclosure` on `day`, and its audit event: one record of it
    /// whether staff say so here or by marking the task to tell them done.
    func telling(
        _ disclosure: StoredDisclosure, on day: CalendarDay, actor: String, at time: Date
    ) -> (DisclosureTelling, AuditEvent) {
        (
            DisclosureTelling(disclosureID: disclosure.id, toldOn: day),
            vault.event(
                "disclosure.told", actor: actor, at: time, subjectID: disclosure.subjectID,
                detail: "disclosure \(disclosure.id): the person was told on \(day.iso)")
        )
    }

    /// A page of the disclosure log, latest first (`limit` after `offset`), with how many it holds.
    public func page(limit: Int, offset: Int) async throws -> (disclosures: [StoredDisclosure], total: Int) {
        (
            try await store.disclosures(in: workspaceID, limit: limit, offset: offset),
            try await store.disclosureCount(in: workspaceID)
        )
    }

    /// The log, latest first; when `subject` is given, only the disclosures of the person it stands for
    /// now (the survivor, if it was merged).
    public func list(subject: UUID? = nil) async throws -> [StoredDisclosure] {
        guard let subject else { return try await store.disclosures(in: workspaceID, ofSubjects: nil) }
        let person = try await Contacts(vault: vault).current(subject)
        return try await store.disclosures(in: workspaceID, ofSubjects: [person])
    }

    /// The disclosure and why it was made, opened; audited as `disclosure.read`.
    public func show(
        _ id: UUID, actor: String, at time: Date = Date()
    ) async throws
        -> (StoredDisclosure, DisclosureText)
    {
        let disclosure = try await load(id)
        let text = try OwnKeySealing.open(
            DisclosureText.self, key: disclosure.key, sealed: disclosure.sealed, under: vault.requesterKey,
            keyContext: Self.keyContext(id, workspaceID), context: Self.sealContext(id, workspaceID),
            what: "disclosure \(id)")
        try await vault.audit([
            vault.event(
                "disclosure.read", actor: actor, at: time, subjectID: disclosure.subjectID, detail: "disclosure \(id)")
        ])
        return (disclosure, text)
    }

    /// Whom to tell of an erasure, rectification or restriction of `subject`'s records of
    /// `recordTypes` (Art 19), by name, sorted, once each: the recipients the policy shares those
    /// records' purposes (or only `purposes`, when given) with as a matter of course (those
    /// without a `when`), and every recipient the log shows received some of those records. A
    /// recipient the policy shares with only sometimes ("to protect a child") is named only once
    /// the log shows it received them.
    public func recipientsToTell(
        subject: UUID, recordTypes: some Sequence<String>, purposes: [String]? = nil
    ) async throws -> [String] {
        let types = Set(recordTypes)
        let purposes = purposes ?? policy.recordTypes.filter { types.contains($0.id) }.flatMap(\.purposes)
        let routine = policy.routineRecipientNames(ofPurposes: purposes)
        let logged = try await store.disclosures(in: workspaceID, ofSubjects: [subject])
            .filter { !types.isDisjoint(with: $0.facts.recordTypes) }.map(\.recipientName)
        return Array(Set(routine + logged)).sorted()
    }

    private func load(_ id: UUID) async throws -> StoredDisclosure {
        guard let disclosure = try await store.disclosure(id, in: workspaceID) else {
            throw VaultError("there is no disclosure \(id) in this workspace", kind: .notFound)
        }
        return disclosure
    }

    private func resolved(_ recipient: Recipient) throws -> (String?, String, DisclosureRecipientKind?) {
        switch recipient {
        case .policy(let id):
            guard let named = policy.recipient(id) else {
                let known = policy.recipients.map(\.id).joined(separator: ", ")
                throw VaultError(
                    "to: the policy names no recipient '\(id)' (recipients: \(known.isEmpty ? "none" : known)); for another organisation give its name and kind",
                    kind: .invalid)
            }
            return (named.id, named.name, nil)
        case .other(let name, let kind):
            let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else {
                throw VaultError("to: name the organisation the data was disclosed to", kind: .invalid)
            }
            return (nil, name, kind)
        }
    }

    private func checkedTypes(_ ids: [String]) throws -> [RecordType] {
        guard !ids.isEmpty else {
            throw VaultError("records: say which record types were disclosed", kind: .invalid)
        }
        return try ids.map { id in
            guard let type = policy.recordType(id) else {
                throw VaultError(
                    "records: the policy has no record type '\(id)' (record types: \(policy.recordTypes.map(\.id).joined(separator: ", ")))",
                    kind: .invalid)
            }
            return type
        }
    }

    private func check(_ categories: [String], of types: [RecordType]) throws {
        let held = Set(types.flatMap { $0.fields.map(\.category) })
        for category in categories
        where !held.contains(where: { $0 == category || $0.hasPrefix(category + ".") }) {
            throw VaultError(
                "categories: '\(category)' is not a category of the records disclosed (\(held.sorted().joined(separator: ", ")))",
                kind: .invalid)
        }
    }

    private func purposeOf(_ id: String?, recipientID: String?) throws -> Purpose? {
        if let id {
            guard let purpose = policy.purpose(id) else {
                throw VaultError(
                    "purpose: the policy has no purpose '\(id)' (purposes: \(policy.purposes.map(\.id).joined(separator: ", ")))",
                    kind: .invalid)
            }
            return purpose
        }
        guard let recipientID, let recipient = policy.recipient(recipientID) else { return nil }
        let sharing = policy.purposes(sharingWith: recipient)
        return sharing.count == 1 ? sharing[0] : nil
    }

    static func keyContext(_ id: UUID, _ workspaceID: UUID) -> Envelope.Context {
        Envelope.Context("disclosure-key", workspaceID.uuidString, id.uuidString)
    }

    static func sealContext(_ id: UUID, _ workspaceID: UUID) -> Envelope.Context {
        Envelope.Context("disclosure", workspaceID.uuidString, id.uuidString)
    }
}
