public import CustosCore
import CustosStorage
public import Foundation

/// Gathers a subject access package (UK GDPR Art 15) from the vault: every record about the
/// person opened (pseudonymised fields given back as their originals, since the person is owed
/// their data, not our stand-ins for it), with each record's uses, lawful bases, source,
/// recipients and retention from the policy; their consents, restrictions and objections; and
/// the messages sent to them; the disclosures of their data the log holds, except one made without
/// telling them that they have not yet been told of. Reading is audited as for any read, with the request as reason.
public struct AccessPackages: Sendable {
    public let vault: Vault

    public init(vault: Vault) {
        self.vault = vault
    }

    /// The package for `subject`. Throws a ``VaultError`` when the person is unknown or erased.
    public func build(subject id: UUID, actor: String, at time: Date = Date()) async throws -> AccessPackage {
        let (package, reads) = try await gather(subject: id, actor: actor, at: time)
        try await vault.audit(reads)
        return package
    }

    /// The package, and the audit entry of its read, which the caller must write (with its own,
    /// in one commit) before the package leaves its hands.
    func gather(subject id: UUID, actor: String, at time: Date) async throws -> (AccessPackage, [AuditEvent]) {
        let reason = "subject access request"
        let (view, read) = try await vault.unauditedView(
            subject: id, actor: actor, purpose: nil, reason: reason, at: time)
        guard view.subject.key != nil, view.subject.mergedInto == nil else { throw VaultError.keyDestroyed(id) }
        let policy = vault.policy
        var earlier: [UUID: [StoredRecordPart]] = [:]
        for version in try await vault.store.recordPartVersions(ofSubject: id, in: vault.workspace.id) {
            earlier[version.recordID, default: []].append(version)
        }
        let key = try vault.dataKey(of: view.subject)
        var statements: [UUID: [String]] = [:]
        for statement in try await vault.store.recordStatements(ofSubject: id, in: vault.workspace.id) {
            let text = try Envelope.open(
                statement.sealed, key: key,
                context: StoredRecordStatement.sealContext(
                    workspaceID: vault.workspace.id, statementID: statement.id, recordID: statement.recordID),
                what: "a statement on record \(statement.recordID)")
            statements[statement.recordID, default: []].append(String(decoding: text, as: UTF8.self))
        }
        let consentEntries = try await vault.store.consentEntries(ofSubjects: [id], in: vault.workspace.id)
        let ledger = ConsentLedger(consentEntries)
        var records: [AccessPackage.Record] = []
        for record in view.records.sorted(by: {
            ($0.createdAt, $0.recordID.uuidString) < ($1.createdAt, $1.recordID.uuidString)
        }) {
            guard let type = policy.recordType(record.type) else { continue }
            var values = record.values
            if !record.pseudonymised.isEmpty {
                let originals = try await vault.reidentify(
                    record: record.recordID, actor: actor, reason: reason, at: time)
                values.merge(originals[record.role] ?? [:]) { _, original in original }
            }
            let fields = labelled(type, role: record.role, values)
            let versions = try (earlier[record.recordID] ?? []).map { part in
                var values = try vault.open(part, key: key).values
                if !record.pseudonymised.isEmpty {
                    values.merge(try vault.pseudonymOriginals(of: part, key: key)) { _, original in original }
                }
                return AccessPackage.EarlierVersion(
                    asOf: part.updatedAt, fields: labelled(type, role: record.role, values))
            }
            let purposes = type.purposes.compactMap { id in policy.purposes.first { $0.id == id } }
            records.append(
                AccessPackage.Record(
                    id: record.recordID, type: type.id, typeName: type.name, role: record.role,
                    source: Self.source(record.source, of: type), createdAt: record.createdAt,
                    updatedAt: record.updatedAt, fields: fields,
                    uses: purposes.map {
                        AccessPackage.Use(
                            purpose: $0.name, lawfulBasis: Self.basis(of: $0, ledger: ledger),
                            automatedDecision: $0.automatedDecision?.description)
                    },
                    recipients: Array(Set(purposes.flatMap { policy.recipients(of: $0).map(\.name) })).sorted(),
                    retention: policy.retentionRules(of: type).map(\.plainEnglish), earlier: versions,
                    statements: statements[record.recordID] ?? []))
        }
        let store = vault.store
        let workspaceID = vault.workspace.id
        let purposeName = { (id: String) in policy.purposes.first { $0.id == id }?.name ?? id }
        let consents = consentEntries.map {
            AccessPackage.Consent(
                purpose: purposeName($0.purpose), channel: $0.channel?.rawValue ?? "every channel",
                list: $0.list ?? "every list", action: $0.action.rawValue, wording: $0.wording,
                source: $0.source.rawValue, recordedAt: $0.recordedAt)
        }
        let states = try await store.processingStates(ofSubjects: [id], in: workspaceID).map {
            "\($0.state.rawValue) for \($0.purpose.map(purposeName) ?? "every purpose") on \(CalendarDay($0.recordedAt, in: CalendarDay.clockTimeZone).iso)"
        }
        let events = Dictionary(
            grouping: try await store.messageEvents(ofSubject: id, in: workspaceID), by: \.messageID)
        let messages = try await store.messages(ofSubject: id, in: workspaceID).map { message in
            AccessPackage.Message(
                template: message.template, purpose: purposeName(message.purpose), channel: message.channel.rawValue,
                queuedAt: message.queuedAt,
                events: (events[message.id] ?? []).map {
                    "\($0.kind.rawValue) \(CalendarDay($0.at, in: CalendarDay.clockTimeZone).iso)"
                })
        }
        let disclosures = try await store.disclosures(in: workspaceID, ofSubjects: [id])
            .filter { !$0.awaitsTelling }.map { disclosure in
                let types = disclosure.facts.recordTypes.map { policy.recordType($0)?.name ?? $0 }
                let categories = disclosure.facts.categories.map(policy.categoryName)
                return AccessPackage.Disclosure(
                    recipient: disclosure.recipientName, on: disclosure.disclosedOn.long,
                    what: types.joined(separator: "; ")
                        + (categories.isEmpty ? "" : " (only \(categories.joined(separator: ", ")))"),
                    ground: disclosure.facts.ground)
            }
        var package = AccessPackage(
            controller: policy.controller.shortName ?? policy.controller.name ?? vault.workspace.title,
            controllerContact: policy.dpo?.email ?? policy.controller.email,
            subjectID: id, generatedAt: time, records: records, consents: consents, processingStates: states,
            messages: messages, disclosures: disclosures)
        let held = Set(view.records.map(\.type))
        package.automatedDecisions = policy.purposes.compactMap { purpose in
            guard let decision = purpose.automatedDecision,
                policy.recordTypes.contains(where: { held.contains($0.id) && $0.purposes.contains(purpose.id) })
            else { return nil }
            let words = [decision.description, decision.logic, decision.significance, decision.consequences]
                .compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
                .joined(separator: " ")
            return "\(purpose.name): \(words.isEmpty ? "an automated decision" : words)"
        }
        return (package, [read])
    }

    /// The lawful basis of `purpose` as the person is told it: for consent, whether they gave it
    /// and it stands, never "you consented" where they did not.
    static func basis(of purpose: Purpose, ledger: ConsentLedger) -> String {
        guard let basis = purpose.lawfulBasis else { return "none recorded" }
        guard basis == .consent else { return basis.plainEnglish }
        if ledger.inForce(purpose: purpose.id) { return "your consent, which you gave and have not withdrawn" }
        if ledger.withdrawn(purpose: purpose.id) {
            return "your consent, which you have withdrawn: we no longer use it for this"
        }
        return "your consent, which you have not given: we do not use it for this"
    }

    /// Where a record came from, in words a person reads: never a file's or a system's internal
    /// name, but who gave it, as the policy says its records come.
    static func source(_ source: RecordSource, of type: RecordType) -> String {
        switch source.kind {
        case .person: return "you"
        case .form: return "you, on one of our forms"
        case .staff: return "our staff, who entered it"
        case .importFile, .external:
            var named: [String] = []
            for source in type.effectiveSources {
                let name = source.kind == .dataSubject ? "you" : source.displayName
                if !named.contains(name) { named.append(name) }
            }
            guard let last = named.last else { return "our records" }
            let who = named.count == 1 ? last : named.dropLast().joined(separator: ", ") + " or " + last
            return "\(who) (brought into our records from a list)"
        }
    }

    /// The role's values of a record, in the type's order, labelled; empty ones left out.
    private func labelled(_ type: RecordType, role: String, _ values: [String: String]) -> [AccessPackage.Field] {
        type.fields.compactMap { field in
            guard type.role(of: field)?.name == role, let value = values[field.name], !value.isEmpty else {
                return nil
            }
            return AccessPackage.Field(name: field.name, label: field.displayLabel, value: value)
        }
    }

}
