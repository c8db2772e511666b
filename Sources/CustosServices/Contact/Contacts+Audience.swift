public import CustosCore
import CustosStorage
public import Foundation

extension Contacts {
    /// Asks the contact decision of everyone a purpose concerns (people with a record of one of
    /// its record types and, except for post, an address for the channel). Reads no personal
    /// data: ledger, states, suppressions and record types only.
    ///
    /// Every list is read in ``SubjectOrder`` and walked side by side with the people concerned,
    /// so a million people cost a few passes over sorted lists rather than a hash lookup each.
    public func decideAudience(_ question: ContactQuestion) async throws -> AudienceDecision {
        try await decideAudience(question, smallestStretch: 10_000)
    }

    /// ``decideAudience(_:)``, splitting the people concerned into stretches of at least
    /// `smallestStretch` to decide at once (tests split small audiences to check the seams).
    func decideAudience(_ question: ContactQuestion, smallestStretch: Int) async throws -> AudienceDecision {
        let purpose = try checked(question)
        let types = vault.policy.recordTypes(for: purpose).map(\.id)
        async let concerned = store.subjectIDs(withRecordsOfTypes: types, in: workspaceID)
        let kind = question.channel.identifierKind
        async let reachable: [UUID]? =
            kind == nil ? nil : store.subjectIDs(withIdentifierKind: kind ?? "", in: workspaceID)
        async let consents = store.consentActs(forPurpose: purpose.id, in: workspaceID)
        async let processing = store.processingStates(in: workspaceID)
        async let suppressed = store.suppressedSubjects(in: workspaceID)
        let needsCustomers = purpose.marketing?.softOptIn?.isComplete == true
        async let customers: [UUID] =
            needsCustomers
            ? store.subjectIDs(withRecordsOfTypes: Array(decider.customerRecordTypes), in: workspaceID) : []

        let calls = question.channel == .phone && purpose.marketing != nil
        let screened = calls ? try await telephonePreferenceScreened() : false
        let registered = screened ? try await store.telephonePreferenceRegisteredSubjects(in: workspaceID) : []
        let candidates = try await concerned
        let walks = AudienceWalks(
            reachable: try await reachable.map { SubjectWalk($0) { $0 } },
            consents: SubjectWalk(try await consents) { $0.subjectID },
            processing: SubjectWalk(SubjectOrder.sorted(try await processing) { $0.subjectID }) { $0.subjectID },
            suppressions: SubjectWalk(SubjectOrder.sorted(Array(try await suppressed)) { $0.key }) { $0.key },
            customers: SubjectWalk(try await customers) { $0 }, telephoneScreened: screened,
            telephoneRegistered: registered)

        // Stretches of the people concerned are decided side by side, two per core.
        let stretches = max(
            1, min(ProcessInfo.processInfo.activeProcessorCount * 2, candidates.count / max(1, smallestStretch)))
        let size = max(1, (candidates.count + stretches - 1) / stretches)
        let decider = decider
        let parts = await withTaskGroup(of: (Int, AudienceWalks.Part).self) { group in
            for (number, start) in stride(from: 0, to: candidates.count, by: size).enumerated() {
                let stretch = candidates[start..<min(start + size, candidates.count)]
                group.addTask { (number, walks.decide(stretch, question, purpose: purpose, by: decider)) }
            }
            var parts: [(Int, AudienceWalks.Part)] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.map(\.1)
        }
        var allowed: [AudienceDecision.Allowed] = []
        allowed.reserveCapacity(parts.reduce(0) { $0 + $1.allowed.count })
        var denied: [ContactReason: Int] = [:]
        var withoutAddress = 0
        for part in parts {
            allowed += part.allowed
            denied.merge(part.denied, uniquingKeysWith: +)
            withoutAddress += part.withoutAddress
        }
        return AudienceDecision(question: question, allowed: allowed, denied: denied, withoutAddress: withoutAddress)
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
