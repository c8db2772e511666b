public import CustosCore
import Foundation

/// The workspace's record of processing activities (UK GDPR Art 30), from the policy in force and
/// what the registers show: each purpose's row names the recipients the disclosure log shows
/// beyond the policy's, links the breaches that touched it, and says whether its records are kept
/// and erased as the retention rules say (and if not, why: a legal hold, a restriction, a review
/// not yet made, a sweep not yet run).
public struct ProcessingRecords: Sendable {
    public let vault: Vault

    public init(vault: Vault) {
        self.vault = vault
    }

    /// The record as of `day`. `retentionScheduleURL`, when the privacy centre has a public
    /// address, is where the schedule is published.
    public func build(asOf day: CalendarDay, retentionScheduleURL: String? = nil) async throws -> RecordOfProcessing {
        let registers = ProcessingRegisters(
            disclosures: try await disclosures(), breaches: try await breaches(),
            retentionExceptions: try await retentionExceptions(asOf: day),
            retentionScheduleURL: retentionScheduleURL)
        return RecordOfProcessing(policy: vault.policy, registers: registers)
    }

    private func disclosures() async throws -> [ProcessingRegisters.Disclosure] {
        let policy = vault.policy
        return try await vault.store.disclosures(in: vault.workspace.id, ofSubjects: nil).map { disclosure in
            ProcessingRegisters.Disclosure(
                purpose: disclosure.facts.purpose, recordTypes: disclosure.facts.recordTypes,
                recipient: disclosure.recipientName,
                recipientKind: disclosure.recipientKind?.title
                    ?? disclosure.recipientID.flatMap { policy.recipient($0)?.kind.title } ?? "Other organisation")
        }
    }

    private func breaches() async throws -> [ProcessingRegisters.Breach] {
        try await vault.store.breaches(in: vault.workspace.id, includingClosed: true).map { breach in
            let facts = breach.facts
            let decision =
                facts.icoReference.map { "reported to the ICO: \($0)" }
                ?? (facts.notReported ? "not reported (no risk)" : "ICO decision pending")
            let discovered = CalendarDay(breach.discoveredAt, in: CalendarDay.clockTimeZone).iso
            return ProcessingRegisters.Breach(
                reference:
                    "breach \(breach.id.uuidString) (discovered \(discovered), \(facts.risk.rawValue) risk, \(decision)\(breach.closedOn.map { ", closed \($0.iso)" } ?? ""))",
                categories: facts.categories, processor: facts.processor)
        }
    }

    /// Records past their period on `day`, counted by record type and why they are still held.
    private func retentionExceptions(asOf day: CalendarDay) async throws -> [ProcessingRegisters.RetentionException] {
        let due = try await Retention(vault: vault).plan(asOf: day)
        let openReviews = Set(
            try await vault.store.tasks(in: vault.workspace.id, includingDone: false)
                .filter { $0.kind == .retentionReview }.compactMap(\.subjectID))
        var people: [String: [String: Set<UUID>]] = [:]
        for item in due {
            let reason: String? =
                if item.heldBy != nil {
                    "kept under a legal hold"
                } else if item.restricted {
                    "kept, restricted at the person's request (Art 18)"
                } else if item.action == .review {
                    openReviews.contains(item.subjectID) ? "awaiting the DPO's review" : nil
                } else {
                    "past their period, for the next retention sweep"
                }
            guard let reason else { continue }
            people[item.recordType, default: [:]][reason, default: []].insert(item.subjectID)
        }
        return people.keys.sorted().flatMap { type in
            (people[type] ?? [:]).sorted { $0.key < $1.key }.map { reason, subjects in
                ProcessingRegisters.RetentionException(
                    recordType: type,
                    reason:
                        "\(subjects.count) \(subjects.count == 1 ? "person's records" : "people's records") \(reason)")
            }
        }
    }
}
