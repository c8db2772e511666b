public import CustosCore
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
        guard !update.recordParts.isEmpty else {
            throw VaultError("changes: the record already holds these values; nothing would change", kind: .invalid)
        }
        let fields = changes.keys.sorted()
        return try await requests.complete(
            id, kind: .rectification, carrying: update,
            outcome: RequestOutcome(rectification: .init(recordID: recordID, fields: fields)),
            summary: "record \(recordID) corrected: \(fields.joined(separator: ", "))",
            recipients: vault.policy.recipientNames(ofPurposes: type.purposes), on: day, actor: actor, at: time)
    }
}
