public import CustosCore
public import Foundation

extension Contacts {
    /// Asks the contact decision of everyone a purpose concerns (people with a record of one of
    /// its record types and, except for post, an address for the channel). Reads no personal
    /// data: ledger, states, suppressions and record types only.
    public func decideAudience(_ question: ContactQuestion) async throws -> AudienceDecision {
        let purpose = try checked(question)
        let types = vault.policy.recordTypes(for: purpose).map(\.id)
        async let concerned = store.subjectIDs(withRecordsOfTypes: types, in: workspaceID)
        let kind = question.channel.identifierKind
        async let reachable: Set<UUID>? =
            kind == nil ? nil : store.subjectIDs(withIdentifierKind: kind ?? "", in: workspaceID)
        async let consents = store.consentActs(forPurpose: purpose.id, in: workspaceID)
        async let processing = store.processingStates(in: workspaceID)
        async let suppressed = store.suppressedSubjects(in: workspaceID)
        let needsCustomers = purpose.marketing?.softOptIn?.isComplete == true
        async let customers: Set<UUID> =
            needsCustomers ? store.subjectIDs(withRecordsOfTypes: customerRecordTypes(), in: workspaceID) : []

        var candidates = try await concerned
        let everyone = candidates.count
        if let reachable = try await reachable { candidates.formIntersection(reachable) }
        let consentsBySubject = try await consents
        let processingBySubject = Dictionary(grouping: try await processing, by: \.subjectID)
        let suppressedSubjects = try await suppressed
        let customerSubjects = try await customers
        var allowed: [UUID: ContactReason] = [:]
        var denied: [ContactReason: Int] = [:]
        for id in candidates {
            let facts = ContactFacts(
                consents: ConsentLedger(consentsBySubject[id] ?? []), processing: processingBySubject[id] ?? [],
                suppression: suppressedSubjects[id], isCustomer: customerSubjects.contains(id))
            let decision = decider.decide(question, purpose: purpose, facts: facts)
            if decision.allowed {
                allowed[id] = decision.reason
            } else {
                denied[decision.reason, default: 0] += 1
            }
        }
        return AudienceDecision(
            question: question, allowed: allowed, denied: denied, withoutAddress: everyone - candidates.count)
    }

    /// The people who may be contacted, with the address each is reached on, opened from their
    /// records; audited as one `audience.export` with the count.
    public func audience(
        _ question: ContactQuestion, actor: String, reason: String? = nil, at time: Date = Date()
    ) async throws -> Audience {
        let decision = try await decideAudience(question)
        let purpose = try checked(question)
        let types = Set(vault.policy.recordTypes(for: purpose).map(\.id))
        var members: [AudienceMember] = []
        var withoutAddress = decision.withoutAddress
        let ids = Array(decision.allowed.keys)
        for start in stride(from: 0, to: ids.count, by: 500) {
            let batch = Array(ids[start..<min(start + 500, ids.count)])
            let viewsBySubject = try await views(of: batch, types: types)
            for id in batch {
                guard let views = viewsBySubject[id], let reason = decision.allowed[id] else { continue }
                guard let address = address(in: views, channel: question.channel) else {
                    withoutAddress += 1
                    continue
                }
                members.append(
                    AudienceMember(subjectID: id, address: address, name: name(in: views), reason: reason))
            }
        }
        members.sort { ($0.address, $0.subjectID.uuidString) < ($1.address, $1.subjectID.uuidString) }
        let deniedText = decision.denied.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
        try await vault.audit([
            vault.event(
                "audience.export", actor: actor, at: time, purpose: purpose.id, reason: reason,
                detail:
                    "channel \(question.channel.rawValue), list \(question.list ?? "none"): \(members.count) people; left out: \(deniedText.isEmpty ? "none" : deniedText), \(withoutAddress) without an address"
            )
        ])
        return Audience(
            question: question, members: members, denied: decision.denied, withoutAddress: withoutAddress)
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

    /// The person's name, from the first of their fields in the `user.name` category.
    func name(in views: [RecordView]) -> String? {
        for view in views {
            guard let type = vault.policy.recordType(view.type) else { continue }
            for field in type.fields
            where type.role(of: field)?.name == view.role && field.category.hasPrefix("user.name") {
                if let value = view.values[field.name], !value.isEmpty { return value }
            }
        }
        return nil
    }
}
