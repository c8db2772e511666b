public import CustosCore
import CustosStorage
public import Foundation

/// Legal holds (UK GDPR Art 17(3)(e)): placed on a person or a record type with the reason,
/// released when the claim is over. Erasure requests and the retention sweep keep what a standing
/// hold covers. Every placing and release is audited; the reason stays in the register.
public struct LegalHolds: Sendable {
    public let vault: Vault

    public init(vault: Vault) {
        self.vault = vault
    }

    var store: any CustosStore { vault.store }
    var workspaceID: UUID { vault.workspace.id }

    /// Places a hold on `subject`'s records, or every record of `recordType`, or one person's
    /// records of one type. Throws a ``VaultError`` naming the field when neither is given, the
    /// person or the type is unknown, the reason is blank or the end is before the start.
    @discardableResult
    public func place(
        subject: UUID?, recordType: String?, reason: String, on day: CalendarDay, until end: CalendarDay? = nil,
        actor: String, at time: Date = Date()
    ) async throws -> LegalHold {
        try VaultError.requireNotFuture(day, "on", at: time)
        guard subject != nil || recordType != nil else {
            throw VaultError("subject, record_type: a hold covers a person, a record type or both", kind: .invalid)
        }
        if let subject, try await store.subjects([subject], in: workspaceID).isEmpty {
            throw VaultError.subjectNotFound(subject)
        }
        if let recordType, vault.policy.recordType(recordType) == nil {
            throw VaultError("record_type: the policy has no record type '\(recordType)'", kind: .invalid)
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw VaultError("reason: say what claim the hold is for", kind: .invalid) }
        if let end, end < day { throw VaultError("until: the hold would end before it starts", kind: .invalid) }
        let hold = LegalHold(
            subjectID: subject, recordType: recordType, reason: reason, placedBy: actor, placedOn: day, endsOn: end)
        var changes = ChangeSet(workspaceID: workspaceID)
        changes.legalHolds.placed = [hold]
        changes.audit = [
            vault.event(
                "hold.place", actor: actor, at: time, subjectID: subject,
                detail:
                    "hold \(hold.id) on \(recordType.map { "record type \($0)" } ?? "every record type")\(end.map { " until \($0.iso)" } ?? "")"
            )
        ]
        try await store.apply(changes)
        return hold
    }

    /// Releases the hold from `day`. Throws a ``VaultError`` when there is no such hold standing.
    public func release(_ id: UUID, on day: CalendarDay, actor: String, at time: Date = Date()) async throws {
        try VaultError.requireNotFuture(day, "on", at: time)
        guard
            let hold = try await store.legalHolds(in: workspaceID, includingReleased: false).first(where: {
                $0.id == id
            })
        else {
            throw VaultError("there is no standing legal hold \(id) in this workspace", kind: .notFound)
        }
        var changes = ChangeSet(workspaceID: workspaceID)
        changes.legalHolds.releases = [LegalHoldRelease(holdID: id, on: day, by: actor)]
        changes.audit = [
            vault.event(
                "hold.release", actor: actor, at: time, subjectID: hold.subjectID, detail: "hold \(id) released")
        ]
        try await store.apply(changes)
    }

    /// The workspace's holds, oldest first; only standing ones unless `includingReleased`.
    public func list(includingReleased: Bool = false) async throws -> [LegalHold] {
        try await store.legalHolds(in: workspaceID, includingReleased: includingReleased)
    }
}
