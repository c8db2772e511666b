public import CustosCore
import CustosStorage
public import Foundation

/// Erasure requests (UK GDPR Art 17), from assessment to certificate. The assessment applies the
/// exemptions of Art 17(3) (``ErasurePlan``) and lists the other people and the recipients
/// affected; carrying it out erases what the plan says in one transaction with the request's
/// completion, its certificate, the Art 19 task and the audit entries, so a crash leaves either
/// nothing done or everything done, and running it again returns the same certificate.
public struct Erasures: Sendable {
    public let requests: Requests

    public init(vault: Vault) {
        requests = Requests(vault: vault)
    }

    var vault: Vault { requests.vault }
    var store: any CustosStore { vault.store }
    var workspaceID: UUID { vault.workspace.id }

    /// What erasing the request's person would do on `day`, with the types in `eraseDespite`
    /// erased although their exemption (a public task) could keep them. Reads no personal data.
    public func assess(
        request id: UUID, on day: CalendarDay, eraseDespite: Set<String> = []
    ) async throws -> ErasureAssessment {
        let (request, history) = try await requests.load(id, kind: .erasure)
        return try await assess(request, history: history, on: day, eraseDespite: eraseDespite)
    }

    private func assess(
        _ request: StoredRequest, history: RequestHistory, on day: CalendarDay, eraseDespite: Set<String>
    ) async throws -> ErasureAssessment {
        let subject = try await requests.person(of: request)
        let parts = try await store.recordParts(ofSubjects: [subject], in: workspaceID)
        let holds = try await store.legalHolds(coveringSubject: subject, in: workspaceID)
        let plan: ErasurePlan
        do {
            plan = try ErasurePlan(
                policy: vault.policy, subject: subject,
                counts: Dictionary(parts.map { ($0.type, 1) }, uniquingKeysWith: +),
                holds: holds, on: day, eraseDespite: eraseDespite)
        } catch {
            throw VaultError(error.description, kind: .invalid)
        }
        let erased = Set(plan.erasedTypes)
        var shared: [ErasureAssessment.SharedRecord] = []
        for part in parts where erased.contains(part.type) {
            let others = try await store.recordParts(ofRecord: part.recordID, in: workspaceID)
                .filter { $0.subjectID != subject }
            guard !others.isEmpty else { continue }
            shared.append(
                ErasureAssessment.SharedRecord(
                    recordID: part.recordID, recordType: part.type, role: part.role,
                    others: others.map { ($0.subjectID, $0.role) }))
        }
        return ErasureAssessment(
            requestID: request.id, subjectID: subject, plan: plan, sharedRecords: shared,
            recipients: try await Disclosures(vault: vault).recipientsToTell(
                subject: subject, recordTypes: plan.erasedTypes), needsApproval: history.needsApproval,
            approved: history.has(.approved))
    }

    /// Carries out the erasure on `day` on `ground`, as assessed, and completes the request.
    /// Returns the certificate; for a request already carried out, the certificate it produced.
    /// Throws a ``VaultError`` of kind `.invalid` when the request is not an erasure, is not in
    /// progress, awaits the DPO's approval, or when nothing could be erased (refuse it instead,
    /// with the reasons).
    @discardableResult
    public func carryOut(
        request id: UUID, ground: ErasureGround, eraseDespite: Set<String> = [], on day: CalendarDay, actor: String,
        at time: Date = Date()
    ) async throws -> ErasureCertificate {
        try VaultError.requireNotFuture(day, "on", at: time)
        let (request, history) = try await requests.load(id, kind: .erasure)
        if request.state == .completed, let certificate = request.outcome?.erasure { return certificate }
        // Whether it may complete now (approved where it must be), before anything is worked out.
        do {
            var completed = history
            try completed.record(RequestEvent(.completed, on: day, by: actor))
        } catch {
            throw VaultError(error.description, kind: .invalid)
        }
        let assessment = try await assess(request, history: history, on: day, eraseDespite: eraseDespite)
        let plan = assessment.plan
        let subject = assessment.subjectID
        guard plan.items.isEmpty || !plan.erasedTypes.isEmpty else {
            throw VaultError(
                "nothing can be erased: every record is kept under an exemption; refuse the request with the reasons",
                kind: .invalid)
        }
        var changes: ChangeSet
        var suppressed = 0
        if plan.erasesEverything {
            changes = try await vault.erasureChanges(
                subject: subject, actor: actor, reason: "erasure request \(id)", at: time, requestID: id)
            suppressed = changes.contact.suppressions.count
        } else {
            changes = ChangeSet(workspaceID: workspaceID)
            changes.people.recordPartsRemovedOfTypes = [subject: plan.erasedTypes]
            changes.people.erasureJournal = [
                ErasureJournalEntry(
                    workspaceID: workspaceID, subjectID: subject, recordTypes: plan.erasedTypes, erasedAt: time,
                    requestID: id)
            ]
            changes.audit = [
                vault.event(
                    "subject.erase", actor: actor, at: time, reason: "erasure request \(id)", subjectID: subject,
                    detail:
                        "record types erased: \(plan.erasedTypes.joined(separator: ", ")); kept under exemptions: \(plan.items.filter { $0.kept != nil }.map(\.recordType).joined(separator: ", "))"
                )
            ]
        }
        var certificate = ErasureCertificate(
            controller: vault.policy.controller.shortName ?? vault.policy.controller.name ?? vault.workspace.title,
            requestID: id, subjectID: subject, ground: ground, receivedOn: request.receivedOn, erasedOn: day,
            erased: plan.items.filter { $0.kept == nil }.map {
                ErasureCertificate.Line(recordType: $0.recordType, typeName: $0.typeName, count: $0.count)
            },
            kept: plan.items.compactMap { item in
                item.kept.map {
                    ErasureCertificate.Line(
                        recordType: item.recordType, typeName: item.typeName, count: item.count,
                        exemption: $0.exemption.reference, why: $0.why)
                }
            }, keyDestroyed: plan.erasesEverything, addressesSuppressed: suppressed,
            recipients: assessment.recipients,
            approvedBy: history.events.last { $0.action == .approved }?.actor, carriedOutBy: actor)
        certificate.backupsChecked = true
        certificate.lastBackupExpires = try await vault.store.backupsKept(at: time).filter { $0.madeAt <= time }
            .map(\.keepUntil).max().map { CalendarDay($0, in: CalendarDay.clockTimeZone) }
        try await requests.complete(
            id, kind: .erasure, carrying: changes, outcome: RequestOutcome(erasure: certificate),
            summary:
                "erased under \(ground.reference); \(certificate.erased.count) record types erased, \(certificate.kept.count) kept; key \(plan.erasesEverything ? "destroyed" : "kept")",
            recipients: assessment.recipients, on: day, actor: actor, at: time)
        return certificate
    }

    /// The certificate of the erasure request `id`. Throws a ``VaultError`` of kind `.notFound`
    /// when it has not been carried out.
    public func certificate(request id: UUID) async throws -> ErasureCertificate {
        let (request, history) = try await requests.load(id, kind: .erasure)
        try Requests.requireIdentity(of: request, history)
        guard let certificate = request.outcome?.erasure else {
            throw VaultError(
                "request \(id) has no erasure certificate: it has not been carried out", kind: .notFound)
        }
        return certificate
    }
}
