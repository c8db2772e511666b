public import CustosCore
import CustosStorage
public import Foundation

/// Objections (UK GDPR Art 21). To direct marketing the objection is absolute: the purpose stops
/// and the person's addresses are suppressed for marketing at once. To processing on a public
/// task or legitimate interests the DPO either stops it or records the compelling grounds to
/// carry on. Answering one completes the request, in one transaction with the processing states
/// and the audit; the grounds stay in the request's outcome, out of the audit log.
public struct Objections: Sendable {
    public let requests: Requests

    public init(vault: Vault) {
        requests = Requests(vault: vault)
    }

    /// Answers the objection for `purposes`: each is stopped, unless `compellingGrounds` are given
    /// for it. Throws a ``VaultError`` naming the purpose when grounds are given for direct
    /// marketing, or the purpose rests on a basis the right to object does not reach.
    @discardableResult
    public func carryOut(
        request id: UUID, purposes: [String], compellingGrounds: [String: String] = [:], on day: CalendarDay,
        actor: String, at time: Date = Date()
    ) async throws -> StoredRequest {
        try VaultError.requireNotFuture(day, "on", at: time)
        let policy = requests.vault.policy
        guard !purposes.isEmpty else {
            throw VaultError("purposes: name the purposes the person objects to", kind: .invalid)
        }
        var stopped: [String] = []
        var continued: [RequestOutcome.Objection.Continued] = []
        for purposeID in purposes {
            guard let purpose = policy.purposes.first(where: { $0.id == purposeID }) else {
                throw VaultError("purposes: the policy has no purpose '\(purposeID)'", kind: .invalid)
            }
            let grounds = compellingGrounds[purposeID]?.trimmingCharacters(in: .whitespacesAndNewlines)
            if purpose.marketing != nil {
                if grounds != nil {
                    throw VaultError(
                        "compelling_grounds: '\(purposeID)' is direct marketing; an objection to it is absolute (UK GDPR Art 21(3))",
                        kind: .invalid)
                }
                stopped.append(purposeID)
                continue
            }
            guard [.publicTask, .legitimateInterests, .recognisedLegitimateInterest].contains(purpose.lawfulBasis)
            else {
                throw VaultError(
                    "purposes: '\(purposeID)' rests on \(purpose.lawfulBasis?.title.lowercased() ?? "no basis"); the right to object reaches public task and legitimate interests (UK GDPR Art 21(1))",
                    kind: .invalid)
            }
            if let grounds, !grounds.isEmpty {
                continued.append(.init(purpose: purposeID, grounds: grounds))
            } else {
                stopped.append(purposeID)
            }
        }
        for purposeID in compellingGrounds.keys.sorted() where !purposes.contains(purposeID) {
            throw VaultError("compelling_grounds: '\(purposeID)' is not among the purposes objected to", kind: .invalid)
        }
        let subject = try await requests.person(of: id)
        var changes = ChangeSet(workspaceID: requests.vault.workspace.id)
        if !stopped.isEmpty {
            changes = try await Contacts(vault: requests.vault).processingStateChanges(
                .objected, subject: subject, purposes: stopped, reason: "objection request \(id)", personToldOn: nil,
                actor: actor, at: time)
        }
        return try await requests.complete(
            id, kind: .objection, carrying: changes,
            outcome: RequestOutcome(objection: .init(stopped: stopped, continued: continued)),
            summary:
                "stopped: \(stopped.isEmpty ? "none" : stopped.joined(separator: ", ")); carried on on compelling grounds: \(continued.isEmpty ? "none" : continued.map(\.purpose).joined(separator: ", "))",
            recipients: [], on: day, actor: actor, at: time)
    }
}
