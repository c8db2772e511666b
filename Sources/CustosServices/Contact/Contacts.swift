public import CustosCore
import CustosStorage
public import Foundation

/// The consent ledger, processing states and suppression list of a workspace, and the contact
/// decision over them. Every send and every export of contacts asks ``decide(subject:_:at:)`` or
/// ``audience(_:actor:reason:at:)``; both come down to ``ContactDecider``.
public struct Contacts: Sendable {
    public let vault: Vault
    public let decider: ContactDecider

    public init(vault: Vault) {
        self.vault = vault
        decider = vault.contactDecider
    }

    var store: any CustosStore { vault.store }
    var workspaceID: UUID { vault.workspace.id }

    /// The kinds of address the suppression list holds (`email`, `phone`), sorted.
    public static let suppressionKinds = StoredSuppression.addressKinds.sorted()

    // MARK: The ledger

    /// Appends a consent given or withdrawn for `purpose` (and `channel`, `list`, each `nil` for
    /// all of them). The wording defaults to the policy's wording for the purpose. A marketing
    /// consent given by the person themselves (not an import) takes their addresses off the
    /// suppression list where an opt-out or objection put them; an erasure or staff's entry stays.
    /// A withdrawal (an unsubscribe link, a call) that leaves no marketing consent in force puts
    /// their addresses on the suppression list for marketing, so that an import later cannot bring
    /// the marketing back, and an erasure of their record when the consent-withdrawn period ends
    /// leaves the address suppressed.
    @discardableResult
    public func record(
        _ action: ConsentAction, subject id: UUID, purpose purposeID: String, channel: MarketingChannel? = nil,
        list: String? = nil, wording: String? = nil, source: ConsentSource, actor: String, at time: Date = Date()
    ) async throws -> ConsentEntry {
        let purpose: Purpose
        do {
            purpose = try decider.purpose(purposeID, channel: channel, list: list)
        } catch {
            throw VaultError(error.description, kind: .invalid)
        }
        guard purpose.reliesOnConsent || purpose.marketing != nil else {
            throw VaultError(
                "purpose: '\(purpose.id)' rests on \(purpose.lawfulBasis?.rawValue ?? "no lawful basis"), not consent, and does not market",
                kind: .invalid)
        }
        let subject = try await liveSubject(id)
        let entry = ConsentEntry(
            subjectID: subject.id, purpose: purpose.id, channel: channel, list: list, action: action,
            wording: wording ?? purpose.consent?.wording, policyVersion: try await policyVersion(),
            source: source, recordedBy: actor, recordedAt: time)
        var changes = ChangeSet(workspaceID: workspaceID)
        changes.contact.consentEntries = [entry]
        if action == .given, source != .import, purpose.marketing != nil {
            changes.contact.suppressionsLifted = try await addressIdentifiers(of: subject.id).map(\.index)
        }
        if action == .withdrawn, purpose.marketing != nil {
            // Times to the millisecond, as stores keep them: an entry read back is not later than
            // this one made in the same millisecond.
            let ledger = ConsentLedger(
                (try await store.consentEntries(ofSubjects: [subject.id], in: workspaceID) + [entry]).map { entry in
                    var kept = entry
                    kept.recordedAt = Date(
                        timeIntervalSince1970: (entry.recordedAt.timeIntervalSince1970 * 1000).rounded() / 1000)
                    return kept
                })
            let marketing = vault.policy.purposes.filter { $0.marketing != nil }
            if !marketing.contains(where: { ledger.inForce(purpose: $0.id) }) {
                changes.contact.suppressions = try await suppressions(
                    of: subject.id, reason: .optOut, actor: actor, at: time)
            }
        }
        changes.audit = [
            vault.event(
                "consent.\(action.rawValue)", actor: actor, at: time, purpose: purpose.id, subjectID: subject.id,
                detail: Self.describe(channel: channel, list: list, source: source)
                    + (changes.contact.suppressions.isEmpty
                        ? ""
                        : "; no marketing consent left: \(changes.contact.suppressions.count) addresses suppressed for marketing")
            )
        ]
        try await store.apply(changes)
        return entry
    }

    /// Withdraws every marketing consent of the person and puts their email addresses and phone
    /// numbers on the suppression list for marketing: an unsubscribe from everything.
    /// Administrative messages (their booking changed) still go.
    @discardableResult
    public func optOutOfMarketing(
        subject id: UUID, source: ConsentSource, actor: String, at time: Date = Date()
    ) async throws -> [ConsentEntry] {
        let subject = try await liveSubject(id)
        let version = try await policyVersion()
        var changes = ChangeSet(workspaceID: workspaceID)
        changes.contact.consentEntries = vault.policy.purposes.filter { $0.marketing != nil }.map { purpose in
            ConsentEntry(
                subjectID: subject.id, purpose: purpose.id, channel: nil, list: nil, action: .withdrawn,
                wording: nil, policyVersion: version, source: source, recordedBy: actor, recordedAt: time)
        }
        changes.contact.suppressions = try await suppressions(of: subject.id, reason: .optOut, actor: actor, at: time)
        changes.audit = [
            vault.event(
                "consent.opt-out", actor: actor, at: time, subjectID: subject.id,
                detail:
                    "all marketing withdrawn (\(changes.contact.consentEntries.count) purposes), \(changes.contact.suppressions.count) addresses suppressed; source \(source.rawValue)"
            )
        ]
        try await store.apply(changes)
        return changes.contact.consentEntries
    }

    /// The person's consent entries, oldest first.
    public func consents(of id: UUID) async throws -> [ConsentEntry] {
        _ = try await subject(id)
        return try await store.consentEntries(ofSubjects: [id], in: workspaceID)
    }

    // MARK: Processing states

    /// Restricts, objects to or lifts processing for `purpose` (`nil`: every purpose). An
    /// objection to a marketing purpose (or to all) also suppresses the person's addresses for
    /// marketing: the right to object to direct marketing is absolute (UK GDPR Art 21(3)). Lifting
    /// a restriction needs the day the person was told, which must come first (Art 18(3)).
    @discardableResult
    public func setProcessingState(
        _ state: ProcessingState, subject id: UUID, purpose purposeID: String?, reason: String,
        personToldOn: CalendarDay? = nil, actor: String, at time: Date = Date()
    ) async throws -> ProcessingStateEntry {
        let changes = try await processingStateChanges(
            state, subject: id, purposes: purposeID.map { [$0] }, reason: reason, personToldOn: personToldOn,
            actor: actor, at: time)
        try await store.apply(changes)
        return changes.contact.processingStates[0]
    }

    /// What ``setProcessingState(_:subject:purpose:reason:personToldOn:actor:at:)`` writes, for
    /// each of `purposes` (nil: one entry for every purpose), audit entries included.
    func processingStateChanges(
        _ state: ProcessingState, subject id: UUID, purposes purposeIDs: [String]?, reason: String,
        personToldOn: CalendarDay?, actor: String, at time: Date
    ) async throws -> ChangeSet {
        if let personToldOn { try VaultError.requireNotFuture(personToldOn, "told on", at: time) }
        var purposes: [Purpose?] = [nil]
        if let purposeIDs {
            purposes = []
            for purposeID in purposeIDs {
                do {
                    purposes.append(try decider.purpose(purposeID, channel: nil, list: nil))
                } catch {
                    throw VaultError(error.description, kind: .invalid)
                }
            }
        }
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw VaultError("reason: give the reason for the change", kind: .invalid)
        }
        let subject = try await subject(id)
        if state == .active, personToldOn == nil {
            let entries = try await store.processingStates(ofSubjects: [subject.id], in: workspaceID)
            let lifting = purposes.map { $0.map { [$0.id] } ?? vault.policy.purposes.map(\.id) }.joined()
            if lifting.contains(where: { ProcessingStateEntry.state(for: $0, in: entries) == .restricted }) {
                throw VaultError(
                    "told_on: a restriction is lifted only after the person is told (UK GDPR Art 18(3)); give the day they were told",
                    kind: .invalid)
            }
        }
        var changes = ChangeSet(workspaceID: workspaceID)
        for purpose in purposes {
            let notes = [purpose == nil ? "every purpose" : nil, personToldOn.map { "person told on \($0.iso)" }]
                .compactMap(\.self).joined(separator: "; ")
            changes.contact.processingStates.append(
                ProcessingStateEntry(
                    subjectID: subject.id, purpose: purpose?.id, state: state, reason: reason, recordedBy: actor,
                    recordedAt: time))
            changes.audit.append(
                vault.event(
                    "processing.\(state.rawValue)", actor: actor, at: time, purpose: purpose?.id, reason: reason,
                    subjectID: subject.id, detail: notes.isEmpty ? nil : notes))
        }
        if state == .objected, purposes.contains(where: { $0 == nil || $0?.marketing != nil }) {
            changes.contact.suppressions = try await suppressions(
                of: subject.id, reason: .objection, actor: actor, at: time)
        }
        return changes
    }

    /// The purposes the person's data may not be used for now (restricted or objected to), with
    /// when and why: what staff must see on their page, even when it stops every read.
    public func limits(of id: UUID) async throws -> [SubjectView.PurposeLimit] {
        SubjectView.PurposeLimit.inForce(try await processingStates(of: id), policy: vault.policy)
    }

    /// The person's processing-state entries, oldest first.
    public func processingStates(of id: UUID) async throws -> [ProcessingStateEntry] {
        _ = try await subject(id)
        return try await store.processingStates(ofSubjects: [id], in: workspaceID)
    }

    // MARK: The suppression list

    /// Puts an address (`email` or `phone`) on the suppression list, whether or not anyone in the
    /// workspace holds it. Only its keyed hash is kept.
    public func suppress(
        kind: String, value: String, scope: SuppressionScope, reason: SuppressionReason, actor: String,
        at time: Date = Date()
    ) async throws {
        let index = try addressIndex(kind: kind, value: value)
        var changes = ChangeSet(workspaceID: workspaceID)
        changes.contact.suppressions = [
            StoredSuppression(
                index: index, kind: kind, scope: scope, reason: reason, recordedBy: actor, recordedAt: time)
        ]
        changes.audit = [
            vault.event(
                "suppression.add", actor: actor, at: time,
                detail: "a \(kind) address, scope \(scope.rawValue), reason \(reason.rawValue)")
        ]
        try await store.apply(changes)
    }

    /// What an address is kept from, if it is on the suppression list.
    public func suppression(kind: String, value: String) async throws -> SuppressionScope? {
        let index = try addressIndex(kind: kind, value: value)
        return try await store.suppressions(forIndexes: [index], in: workspaceID)[index]
    }

    /// Which of `inputs` (by position) hold an email address or phone number on the suppression
    /// list; imports report them.
    public func positionsOnSuppressionList(_ inputs: [RecordInput]) async throws -> Set<Int> {
        var indexes: [(position: Int, index: Data)] = []
        for (position, input) in inputs.enumerated() {
            for field in input.type.fields {
                guard let kind = field.identifierKind, StoredSuppression.addressKinds.contains(kind),
                    let value = input.values[field.name]
                else { continue }
                indexes.append((position, vault.index(kind: kind, value: value)))
            }
        }
        guard !indexes.isEmpty else { return [] }
        let found = try await store.suppressions(forIndexes: indexes.map(\.index), in: workspaceID)
        return Set(indexes.filter { found[$0.index] != nil }.map(\.position))
    }

    // MARK: Deciding

    /// What the decision needs to know about one person, provided `reaching` them is allowed
    /// (else they read as not found, as a subject of another workspace would).
    public func facts(
        of id: UUID, reaching: (StoredSubject) -> Bool = { _ in true }
    ) async throws -> ContactFacts {
        guard let stored = try await store.contactFacts(ofSubject: id, in: workspaceID), reaching(stored.subject)
        else { throw VaultError.subjectNotFound(id) }
        return ContactFacts(
            isGone: stored.subject.key == nil || stored.subject.mergedInto != nil,
            consents: ConsentLedger(stored.consents), processing: stored.processing, suppression: stored.suppression,
            isCustomer: !stored.recordTypes.isDisjoint(with: decider.customerRecordTypes))
    }

    /// May the person be contacted on the question's channel for its purpose (and list), now?
    /// Throws a ``VaultError`` of kind `.invalid` naming the field when the question does not fit
    /// the policy, and `.notFound` when there is no such person (or `reaching` them is not allowed).
    public func decide(
        subject id: UUID, _ question: ContactQuestion, reaching: (StoredSubject) -> Bool = { _ in true }
    ) async throws -> ContactDecision {
        let purpose = try checked(question)
        var facts = try await facts(of: id, reaching: reaching)
        if question.channel == .phone, purpose.marketing != nil {
            facts.telephonePreference = try await telephonePreference(of: id)
        }
        return decider.decide(question, purpose: purpose, facts: facts)
    }

    // MARK: The Telephone Preference Service

    /// Replaces the workspace's TPS list with `numbers` (the TPS's file, one number a line; blank
    /// lines and a header without digits are skipped), kept as keyed hashes: marketing calls on
    /// legitimate interests go only to numbers screened against a list at most 28 days old, and
    /// not on it (PECR reg 21). Audited as `tps.import` with the count. Throws a ``VaultError``
    /// naming the first line that is not a telephone number, and keeps nothing.
    @discardableResult
    public func importTelephonePreferenceList(
        _ text: String, actor: String, at time: Date = Date()
    ) async throws -> Int {
        var indexes: [Data] = []
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let value = line.split(separator: ",").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            guard value.contains(where: \.isNumber) else { continue }
            guard let normalised = IdentifierNormaliser.normalise(kind: "phone", value: value) else {
                throw VaultError("line \(number + 1): not a telephone number", kind: .invalid)
            }
            indexes.append(vault.index(kind: "phone", value: normalised))
        }
        try await store.replaceTelephonePreferenceList(indexes, in: workspaceID, importedBy: actor, at: time)
        try await vault.audit([
            vault.event("tps.import", actor: actor, at: time, detail: "\(Set(indexes).count) numbers on the TPS list")
        ])
        return Set(indexes).count
    }

    /// Whether the workspace's TPS list was imported in the last 28 days (as of `time`).
    func telephonePreferenceScreened(at time: Date = Date()) async throws -> Bool {
        guard let list = try await store.telephonePreferenceList(in: workspaceID) else { return false }
        return time.timeIntervalSince(list.importedAt) <= TelephonePreference.screeningLasts
    }

    /// What the TPS says of the person's numbers, as screened.
    public func telephonePreference(of id: UUID, at time: Date = Date()) async throws -> TelephonePreference {
        guard try await telephonePreferenceScreened(at: time) else { return .notScreened }
        let phones = try await addressIdentifiers(of: id).filter { $0.kind == "phone" }.map(\.index)
        return try await store.telephonePreferenceRegistered(phones, in: workspaceID).isEmpty ? .clear : .registered
    }

    /// The person a subject id stands for now: itself, or the subject it was merged into (a link
    /// in an old email names the id it was sent to).
    public func current(_ id: UUID) async throws -> UUID {
        var id = id
        for _ in 0..<32 {
            guard let next = try await subject(id).mergedInto else { return id }
            id = next
        }
        return id
    }

    // MARK: Helpers

    func checked(_ question: ContactQuestion) throws -> Purpose {
        do {
            return try decider.check(question)
        } catch {
            throw VaultError(error.description, kind: .invalid)
        }
    }

    private func subject(_ id: UUID) async throws -> StoredSubject {
        guard let subject = try await store.subjects([id], in: workspaceID).first else {
            throw VaultError.subjectNotFound(id)
        }
        return subject
    }

    private func liveSubject(_ id: UUID) async throws -> StoredSubject {
        let subject = try await subject(id)
        guard subject.key != nil, subject.mergedInto == nil else { throw VaultError.keyDestroyed(id) }
        return subject
    }

    private func policyVersion() async throws -> Int {
        try await store.currentPolicyVersion(in: vault.workspace)?.number ?? 0
    }

    func addressIndex(kind: String, value: String) throws -> Data {
        guard StoredSuppression.addressKinds.contains(kind) else {
            throw VaultError("kind: an address on the suppression list is an email or a phone number", kind: .invalid)
        }
        guard let normalised = IdentifierNormaliser.normalise(kind: kind, value: value) else {
            throw VaultError("\(kind): the value given is not a valid \(kind)", kind: .invalid)
        }
        return vault.index(kind: kind, value: normalised)
    }

    /// The person's email addresses and phone numbers, as blind indexes.
    private func addressIdentifiers(of subjectID: UUID) async throws -> [StoredIdentifier] {
        try await store.identifiers(ofSubject: subjectID, in: workspaceID)
            .filter { StoredSuppression.addressKinds.contains($0.kind) }
    }

    /// The person's email addresses and phone numbers as suppression entries for marketing.
    func suppressions(
        of subjectID: UUID, reason: SuppressionReason, actor: String, at time: Date
    ) async throws -> [StoredSuppression] {
        try await addressIdentifiers(of: subjectID).map {
            StoredSuppression(
                index: $0.index, kind: $0.kind, scope: .marketing, reason: reason, recordedBy: actor, recordedAt: time)
        }
    }

    static func describe(channel: MarketingChannel?, list: String?, source: ConsentSource) -> String {
        "channel \(channel?.rawValue ?? "all"), list \(list ?? "all"), source \(source.rawValue)"
    }
}
