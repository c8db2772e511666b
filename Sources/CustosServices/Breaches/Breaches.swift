public import CustosCore
public import CustosStorage
public import Foundation

/// The breach register (UK GDPR Art 33(5)): every personal data breach, reported or not, with
/// the 72-hour clock from discovery to tell the ICO (Art 33(1)), the decision on telling the people
/// (Art 34), what was done and what was learnt. A breach closes only when both decisions are
/// recorded. What people wrote about it is sealed; the audit log records each step without it.
public struct Breaches: Sendable {
    public let vault: Vault

    public init(vault: Vault) {
        self.vault = vault
    }

    var store: any CustosStore { vault.store }
    var workspaceID: UUID { vault.workspace.id }

    /// Records a breach discovered at `discoveredAt`. Throws a ``VaultError`` naming the field when
    /// the description is empty, a count is negative, or it occurred after it was discovered.
    @discardableResult
    public func record(
        description: String, discoveredAt: Date, facts: BreachFacts, consequences: String? = nil, actor: String,
        at time: Date = Date()
    ) async throws -> StoredBreach {
        try VaultError.requireNotFuture(discoveredAt, "discovered", at: time)
        let description = description.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !description.isEmpty else { throw VaultError("description: say what happened", kind: .invalid) }
        if let occurred = facts.occurredAt, occurred > discoveredAt {
            throw VaultError("occurred: a breach occurs before it is discovered", kind: .invalid)
        }
        if (facts.approxSubjects ?? 0) < 0 || (facts.approxRecords ?? 0) < 0 {
            throw VaultError("subjects, records: counts are zero or more", kind: .invalid)
        }
        let id = UUID()
        let (key, sealed) = try OwnKeySealing.seal(
            BreachText(description: description, consequences: consequences?.nonEmpty), under: vault.requesterKey,
            keyContext: Self.keyContext(id, workspaceID), context: Self.sealContext(id, workspaceID))
        let breach = StoredBreach(
            id: id, discoveredAt: discoveredAt, facts: facts, key: key, sealed: sealed, recordedBy: actor,
            recordedAt: time)
        var changes = ChangeSet(workspaceID: workspaceID)
        changes.breaches.recorded = [breach]
        changes.audit = [
            vault.event(
                "breach.recorded", actor: actor, at: time,
                detail:
                    "breach \(id): risk \(facts.risk.rawValue), \(facts.approxSubjects.map { "about \($0) people" } ?? "people not yet counted")\(facts.specialCategory ? ", special category data" : ""); report to the ICO by \(Self.stamp(breach.reportDeadline))"
            )
        ]
        try await store.apply(changes)
        return breach
    }

    /// Records the report to the ICO at `time`, with its reference. Past the 72 hours the reason
    /// for the delay is required (Art 33(1)).
    @discardableResult
    public func reportToICO(
        _ id: UUID, reference: String, at reportedAt: Date, lateReason: String? = nil, actor: String,
        at time: Date = Date()
    ) async throws -> StoredBreach {
        try VaultError.requireNotFuture(reportedAt, "reported", at: time)
        var (breach, text) = try await loadOpen(id)
        guard breach.facts.reportedAt == nil else {
            throw VaultError("breach \(id) was reported already", kind: .conflict)
        }
        guard let reference = reference.nonEmpty else {
            throw VaultError("reference: give the ICO's reference for the report", kind: .invalid)
        }
        let late = reportedAt > breach.reportDeadline
        if late {
            guard let reason = lateReason?.nonEmpty else {
                throw VaultError(
                    "late reason: the report came after the 72 hours from discovery; say why (UK GDPR Art 33(1))",
                    kind: .invalid)
            }
            text.lateReason = reason
        }
        breach.facts.reportedAt = reportedAt
        breach.facts.icoReference = reference
        breach.facts.notReported = false
        return try await save(
            breach, text, action: "breach.reported", actor: actor, at: time,
            detail: "breach \(id): reported to the ICO \(Self.stamp(reportedAt))\(late ? ", late" : "")")
    }

    /// Records the decision not to report to the ICO, with the reason. Only a breach unlikely to
    /// result in a risk to people may go unreported (Art 33(1)).
    @discardableResult
    public func decideNotToReport(
        _ id: UUID, reason: String, actor: String, at time: Date = Date()
    ) async throws
        -> StoredBreach
    {
        var (breach, text) = try await loadOpen(id)
        guard breach.facts.risk == .none else {
            throw VaultError(
                "risk: a breach that may result in a risk to people must be reported to the ICO (UK GDPR Art 33(1)); record the risk as none first if it is not",
                kind: .invalid)
        }
        guard breach.facts.reportedAt == nil else {
            throw VaultError("breach \(id) was reported already", kind: .conflict)
        }
        guard let reason = reason.nonEmpty else {
            throw VaultError("reason: say why it is not reported", kind: .invalid)
        }
        breach.facts.notReported = true
        text.notReportedReason = reason
        return try await save(
            breach, text, action: "breach.not_reported", actor: actor, at: time,
            detail: "breach \(id): not reported to the ICO (unlikely to result in a risk)")
    }

    /// Records that the people were told on `day`, or, with `ground`, why they need not be (Art 34(3)).
    @discardableResult
    public func individuals(
        _ id: UUID, toldOn day: CalendarDay?, ground: Article34Ground? = nil, actor: String, at time: Date = Date()
    ) async throws -> StoredBreach {
        if let day { try VaultError.requireNotFuture(day, "told on", at: time) }
        var (breach, text) = try await loadOpen(id)
        guard (day == nil) != (ground == nil) else {
            throw VaultError(
                "told on, ground: give the day the people were told, or the Art 34(3) ground", kind: .invalid)
        }
        breach.facts.individualsToldOn = day
        breach.facts.individualsNotTold = ground
        return try await save(
            breach, text, action: "breach.individuals", actor: actor, at: time,
            detail:
                "breach \(id): \(day.map { "people told \($0.iso)" } ?? "people not told (Art 34(3) \(ground?.rawValue ?? ""))")"
        )
    }

    /// Closes the breach with what was done and what was learnt. Refused until the ICO decision is
    /// recorded and, for a high risk, the people were told or the Art 34(3) ground given.
    @discardableResult
    public func close(
        _ id: UUID, remediation: String, lessons: String, on day: CalendarDay, actor: String, at time: Date = Date()
    ) async throws -> StoredBreach {
        try VaultError.requireNotFuture(day, "on", at: time)
        var (breach, text) = try await loadOpen(id)
        guard breach.facts.reportedAt != nil || breach.facts.notReported else {
            throw VaultError(
                "ico: record the report to the ICO, or the decision not to report, before closing", kind: .invalid)
        }
        if breach.facts.risk == .high, breach.facts.individualsToldOn == nil, breach.facts.individualsNotTold == nil {
            throw VaultError(
                "individuals: a high risk is told to the people (UK GDPR Art 34); record when, or the Art 34(3) ground",
                kind: .invalid)
        }
        guard let remediation = remediation.nonEmpty, let lessons = lessons.nonEmpty else {
            throw VaultError("remediation, lessons: say what was done and what was learnt", kind: .invalid)
        }
        text.remediation = remediation
        text.lessons = lessons
        breach.closedOn = day
        return try await save(
            breach, text, action: "breach.closed", actor: actor, at: time, detail: "breach \(id) closed \(day.iso)")
    }

    /// The workspace's breaches, open ones first, earliest discovered first.
    public func list(includingClosed: Bool = false) async throws -> [StoredBreach] {
        try await store.breaches(in: workspaceID, includingClosed: includingClosed)
    }

    /// Breaches whose ICO clock runs, soonest deadline first: what a dashboard shows.
    public func clocksRunning() async throws -> [StoredBreach] {
        try await list().filter(\.clockRunning).sorted { $0.reportDeadline < $1.reportDeadline }
    }

    /// The breach and what people wrote about it, opened; audited as `breach.read`.
    public func show(_ id: UUID, actor: String, at time: Date = Date()) async throws -> (StoredBreach, BreachText) {
        let breach = try await load(id)
        let text = try self.text(of: breach)
        try await vault.audit([vault.event("breach.read", actor: actor, at: time, detail: "breach \(id)")])
        return (breach, text)
    }

    // MARK: Helpers

    private func save(
        _ breach: StoredBreach, _ text: BreachText, action: String, actor: String, at time: Date, detail: String
    ) async throws -> StoredBreach {
        var breach = breach
        breach.sealed = try OwnKeySealing.reseal(
            text, key: breach.key, under: vault.requesterKey, keyContext: Self.keyContext(breach.id, workspaceID),
            context: Self.sealContext(breach.id, workspaceID), what: "breach \(breach.id)")
        var changes = ChangeSet(workspaceID: workspaceID)
        changes.breaches.updates = [breach]
        changes.audit = [vault.event(action, actor: actor, at: time, detail: detail)]
        try await store.apply(changes)
        return breach
    }

    private func load(_ id: UUID) async throws -> StoredBreach {
        guard let breach = try await store.breach(id, in: workspaceID) else {
            throw VaultError("there is no breach \(id) in this workspace", kind: .notFound)
        }
        return breach
    }

    private func loadOpen(_ id: UUID) async throws -> (StoredBreach, BreachText) {
        let breach = try await load(id)
        guard breach.closedOn == nil else { throw VaultError("breach \(id) is closed", kind: .conflict) }
        return (breach, try text(of: breach))
    }

    private func text(of breach: StoredBreach) throws -> BreachText {
        try OwnKeySealing.open(
            BreachText.self, key: breach.key, sealed: breach.sealed, under: vault.requesterKey,
            keyContext: Self.keyContext(breach.id, workspaceID), context: Self.sealContext(breach.id, workspaceID),
            what: "breach \(breach.id)")
    }

    /// A time as the audit and the command line show it: ISO 8601 in UTC, to the second.
    public static func stamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    static func keyContext(_ id: UUID, _ workspaceID: UUID) -> Envelope.Context {
        Envelope.Context("breach-key", workspaceID.uuidString, id.uuidString)
    }

    static func sealContext(_ id: UUID, _ workspaceID: UUID) -> Envelope.Context {
        Envelope.Context("breach", workspaceID.uuidString, id.uuidString)
    }
}

extension String {
    /// The text trimmed, or nil when nothing is left.
    fileprivate var nonEmpty: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
