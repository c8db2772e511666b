public import CustosCore
import CustosStorage
public import Foundation

extension Contacts {
    /// Asks the contact decision of everyone a purpose concerns (people with a record of one of
    /// its record types and, except for post, an address for the channel). Reads no personal
    /// data: ledger, states, suppressions and record types only.
    ///
    /// The people concerned are read a stretch at a time in ``SubjectOrder``, with each list for
    /// that stretch only, walked side by side with them: a million people cost a few passes over
    /// sorted lists rather than a hash lookup each, and what is held at once is one stretch's
    /// lists and the people allowed.
    public func decideAudience(_ question: ContactQuestion) async throws -> AudienceDecision {
        try await decideAudience(question, stretchSize: 20_000)
    }

    /// ``decideAudience(_:)``, reading stretches of about `stretchSize` people (tests use small
    /// stretches to check the seams).
    func decideAudience(_ question: ContactQuestion, stretchSize: Int) async throws -> AudienceDecision {
        let purpose = try checked(question)
        let types = vault.policy.recordTypes(for: purpose).map(\.id)
        let calls = question.channel == .phone && purpose.marketing != nil
        let screened = calls ? try await telephonePreferenceScreened() : false
        let registered = screened ? try await store.telephonePreferenceRegisteredSubjects(in: workspaceID) : []
        // The suppression list is short beside the people: read whole, once.
        let suppressed = SubjectOrder.sorted(Array(try await store.suppressedSubjects(in: workspaceID))) { $0.key }
        let suppressions = SubjectWalk(suppressed) { $0.key }

        var decision = AudienceDecision(question: question, allowed: [], denied: [:], withoutAddress: 0)
        var after: UUID?
        repeat {
            let through = try await store.subjectStretchEnd(
                holding: types, after: after, size: stretchSize, in: workspaceID)
            let stretch = SubjectStretch(after: after, through: through)
            async let people = store.subjectIDs(withRecordsOfTypes: types, in: workspaceID, among: stretch)
            let walks = try await walks(
                for: question, purpose: purpose, among: stretch, suppressions: suppressions,
                telephoneScreened: screened,
                telephoneRegistered: registered)
            let part = walks.decide(try await people[...], question, purpose: purpose, by: decider)
            decision.allowed += part.allowed
            decision.denied.merge(part.denied, uniquingKeysWith: +)
            decision.withoutAddress += part.withoutAddress
            after = through
        } while after != nil
        return decision
    }

    /// The lists an audience walks for the people of `stretch`, read at once.
    private func walks(
        for question: ContactQuestion, purpose: Purpose, among stretch: SubjectStretch,
        suppressions: SubjectWalk<(key: UUID, value: SuppressionScope)>, telephoneScreened: Bool,
        telephoneRegistered: Set<UUID>
    ) async throws -> AudienceWalks {
        let kind = question.channel.identifierKind
        async let reachable: [UUID]? =
            kind == nil ? nil : store.subjectIDs(withIdentifierKind: kind ?? "", in: workspaceID, among: stretch)
        async let consents = store.consentActs(forPurpose: purpose.id, in: workspaceID, among: stretch)
        async let processing = store.processingStates(in: workspaceID, among: stretch)
        let customerTypes = purpose.marketing?.softOptIn?.isComplete == true ? Array(decider.customerRecordTypes) : []
        async let customers: [UUID] =
            customerTypes.isEmpty
            ? [] : store.subjectIDs(withRecordsOfTypes: customerTypes, in: workspaceID, among: stretch)
        return AudienceWalks(
            reachable: try await reachable.map { SubjectWalk($0) { $0 } },
            consents: SubjectWalk(try await consents) { $0.subjectID },
            processing: SubjectWalk(try await processing) { $0.subjectID }, suppressions: suppressions,
            customers: SubjectWalk(try await customers) { $0 }, telephoneScreened: telephoneScreened,
            telephoneRegistered: telephoneRegistered)
    }

    /// The people who may be contacted, with the address each is reached on, opened from their
    /// records; audited as one `audience.export` with the count. Holds every member at once: for
    /// a large audience, ``exportAudience(_:actor:reason:at:)`` hands them on as they are read.
    public func audience(
        _ question: ContactQuestion, actor: String, reason: String? = nil, at time: Date = Date()
    ) async throws -> Audience {
        var members: [AudienceMember] = []
        let summary = try await exportAudience(question, actor: actor, reason: reason, at: time).write {
            members += $0
        }
        return Audience(
            question: question, members: members, denied: summary.denied, withoutAddress: summary.withoutAddress)
    }

    /// Decides who may be contacted and audits the export as one `audience.export` with the
    /// count decided, before anyone's address is opened; ``AudienceExport/write(batchSize:to:)``
    /// then opens and hands them on a batch at a time.
    ///
    /// Throws, having written nothing, when the question is not one the policy answers.
    public func exportAudience(
        _ question: ContactQuestion, actor: String, reason: String? = nil, at time: Date = Date()
    ) async throws -> AudienceExport {
        let decision = try await decideAudience(question)
        let purpose = try checked(question)
        let deniedText = decision.denied.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
        try await vault.audit([
            vault.event(
                "audience.export", actor: actor, at: time, purpose: purpose.id, reason: reason,
                detail:
                    "channel \(question.channel.rawValue), list \(question.list ?? "none"): \(decision.allowed.count) people; left out: \(deniedText.isEmpty ? "none" : deniedText), \(decision.withoutAddress) without an address"
            )
        ])
        return AudienceExport(
            contacts: self, decision: decision, types: Set(vault.policy.recordTypes(for: purpose).map(\.id)))
    }

    /// The records of `types` of each of `ids` that still has a data key, opened, newest first.
    func views(of ids: [UUID], types: Set<String>) async throws -> [UUID: [RecordView]] {
        var subjects: [UUID: StoredSubject] = [:]
        for subject in try await store.subjects(ids, in: workspaceID) where subject.key != nil {
            subjects[subject.id] = subject
        }
        let parts = Dictionary(
            grouping: try await store.recordParts(ofSubjects: ids, in: workspaceID).filter { types.contains($0.type) },
            by: \.subjectID)
        var views: [UUID: [RecordView]] = [:]
        for (id, subject) in subjects {
            let key = try vault.dataKey(of: subject)
            views[id] = try (parts[id] ?? []).sorted { $0.updatedAt > $1.updatedAt }.map {
                try vault.open($0, key: key)
            }
        }
        return views
    }

    /// The first address for `channel` the person's own fields hold, newest record first: an
    /// identifier of the channel's kind, or for post a field named as an address.
    func address(in views: [RecordView], channel: MarketingChannel) -> String? {
        for view in views {
            guard let type = vault.policy.recordType(view.type) else { continue }
            for field in type.fields where type.role(of: field)?.name == view.role {
                guard let value = view.values[field.name], !value.isEmpty else { continue }
                if let kind = channel.identifierKind {
                    if field.identifierKind == kind { return value }
                } else if field.name.contains("address"), field.format != .email {
                    return value
                }
            }
        }
        return nil
    }
}
