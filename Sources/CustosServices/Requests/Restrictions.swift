public import CustosCore
import CustosStorage
public import Foundation

/// Restriction requests (UK GDPR Art 18): the person's data, for the purposes named or for all,
/// is only stored from now on (every decision refuses every other use), until the restriction is
/// lifted after telling them. Carrying one out completes the request, in one transaction with the
/// processing state, a task to tell the recipients (Art 19) and the audit.
public struct Restrictions: Sendable {
    public let requests: Requests

    public init(vault: Vault) {
        requests = Requests(vault: vault)
    }

    /// Restricts the request's person on `ground`, for `purposes` (nil: every purpose).
    @discardableResult
    public func carryOut(
        request id: UUID, ground: RestrictionGround, purposes: [String]?, on day: CalendarDay, actor: String,
        at time: Date = Date()
    ) async throws -> StoredRequest {
        try VaultError.requireNotFuture(day, "on", at: time)
        let vault = requests.vault
        let subject = try await requests.person(of: id)
        let changes = try await Contacts(vault: vault).processingStateChanges(
            .restricted, subject: subject, purposes: purposes, reason: "restriction request \(id): \(ground.reference)",
            personToldOn: nil, actor: actor, at: time)
        let restricted = purposes ?? vault.policy.purposes.map(\.id)
        let types = vault.policy.recordTypes.filter { !Set($0.purposes).isDisjoint(with: restricted) }.map(\.id)
        let recipients = try await Disclosures(vault: vault).recipientsToTell(
            subject: subject, recordTypes: types, purposes: restricted)
        return try await requests.complete(
            id, kind: .restriction, carrying: changes,
            outcome: RequestOutcome(restriction: .init(purposes: purposes, ground: ground)),
            summary: "restricted under \(ground.reference) for \(purposes?.joined(separator: ", ") ?? "every purpose")",
            recipients: recipients, on: day, actor: actor, at: time)
    }
}
