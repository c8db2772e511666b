public import CustosCore
import CustosStorage
public import Foundation

/// Rectification requests (UK GDPR Art 16): the person's part of a record corrected, with the
/// earlier values kept as an earlier version, in one transaction with the request's completion, a
/// task to tell the recipients (Art 19) and the audit (which names the fields, never the values).
/// A refused rectification is a refusal with reasons (``Requests/record(_:request:on:reason:actor:at:)``).
public struct Rectifications: Sendable {
    public let requests: Requests

    public init(vault: Vault) {
        requests = Requests(vault: vault)
    }

    /// Sets the fields of `changes` (nil clears one) in the person's part of `record`. Throws a
    /// ``VaultError`` naming the field when it is not theirs, or the result breaks the record
    /// type's rules; or when nothing would change.
    @discardableResult
    public func carryOut(
        request id: UUID, record recordID: UUID, changes: [String: String?], on day: CalendarDay, actor: String,
        at time: Date = Date()
    ) async throws -> StoredRequest {
        try VaultError.requireNotFuture(day, "on", at: time)
        let vault = requests.vault
        let subject = try await requests.person(of: id)
        let parts = try await vault.store.recordParts(ofRecord: recordID, in: vault.workspace.id)
        guard let part = parts.first(where: { $0.subjectID == subject }), let type = vault.policy.recordType(part.type)
        else {
            throw VaultError("record: record \(recordID) holds no part of the request's person", kind: .invalid)
        }
        for name in changes.keys.sorted() {
            guard let field = type.fields.first(where: { $0.name == name }) else {
                throw VaultError("\(name): the record type \(type.id) has no such field", kind: .invalid)
            }
            guard type.role(of: field)?.name == part.role else {
                throw VaultError(
                    "\(name): the field is another person's part of the record, not the requester's", kind: .invalid)
            }
        }
        let (update, _) = try await vault.updateChanges(
            record: recordID, changes: changes, actor: actor, purpose: nil, reason: "rectification request \(id)",
            at: time)
        guard !update.people.recordParts.isEmpty else {
            throw VaultError("changes: the record already holds these values; nothing would change", kind: .invalid)
        }
        let fields = changes.keys.sorted()
        let recipients = try await Disclosures(vault: vault).recipientsToTell(subject: subject, recordTypes: [type.id])
        return try await requests.complete(
            id, kind: .rectification, carrying: update,
            outcome: RequestOutcome(rectification: .init(recordID: recordID, fields: fields)),
            summary: "record \(recordID) corrected: \(fields.joined(separator: ", "))",
            recipients: recipients, on: day, actor: actor, at: time)
    }

    /// Refuses the correction with `reasons` (which the person is told, with their right to
    /// complain to the ICO), and attaches their `statement`, if they gave one, to the record: sealed
    /// under their key, shown with the record in their access package, erased with them. One
    /// transaction; the audit says a statement was attached, never what it says.
    @discardableResult
    public func refuse(
        request id: UUID, record recordID: UUID, reasons: String, statement: String?, on day: CalendarDay,
        actor: String, at time: Date = Date()
    ) async throws -> StoredRequest {
        try VaultError.requireNotFuture(day, "on", at: time)
        let vault = requests.vault
        var (request, history) = try await requests.load(id, kind: .rectification)
        let event = RequestEvent(
            .refused, on: day, by: actor, reason: reasons.trimmingCharacters(in: .whitespacesAndNewlines))
        do {
            try history.record(event)
        } catch {
            throw VaultError(error.description, kind: .invalid)
        }
        let subjectID = try await requests.person(of: request)
        let parts = try await vault.store.recordParts(ofRecord: recordID, in: vault.workspace.id)
        guard let part = parts.first(where: { $0.subjectID == subjectID }),
            let subject = try await vault.store.subjects([subjectID], in: vault.workspace.id).first
        else {
            throw VaultError("record: record \(recordID) holds no part of the request's person", kind: .invalid)
        }
        var changes = ChangeSet(workspaceID: vault.workspace.id)
        let text = statement?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if !text.isEmpty {
            let statementID = UUID()
            changes.people.recordStatements = [
                StoredRecordStatement(
                    id: statementID, recordID: recordID, type: part.type, subjectID: subjectID, requestID: id,
                    sealed: try Envelope.seal(
                        Data(text.utf8), key: try vault.dataKey(of: subject),
                        context: StoredRecordStatement.sealContext(
                            workspaceID: vault.workspace.id, statementID: statementID, recordID: recordID)),
                    addedAt: time)
            ]
        }
        request.state = history.state
        changes.requests.updates = [RequestUpdate(requestID: id, state: request.state, dueOn: request.dueOn)]
        changes.requests.events = [StoredRequestEvent(requestID: id, event: event, recordedAt: time)]
        changes.audit = [
            vault.event(
                "request.refused", actor: actor, at: time, subjectID: subjectID,
                detail:
                    "request \(id) (rectification): refused\(text.isEmpty ? "" : "; the person's statement attached to record \(recordID)")"
            )
        ]
        try await vault.store.apply(changes)
        return request
    }
}
