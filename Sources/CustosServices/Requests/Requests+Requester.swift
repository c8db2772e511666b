import Crypto
public import CustosCore
import CustosStorage
public import Foundation

extension Requests {
    /// Takes in a request made to staff (by email, phone, letter or in person) with who made it
    /// and what they asked, sealed beside it as a request made online is. A requester whose
    /// identity staff have checked (`requester.identityCheck`, or the intake's `identityShown`)
    /// runs the clock from receipt; one they have not waits for `verified`. Throws a
    /// ``VaultError`` naming the field when the request cannot be taken, and then writes nothing.
    public func open(
        _ intake: RequestIntake, requester: PublicRequest, actor: String, at time: Date = Date()
    ) async throws -> StoredRequest {
        guard intake.channel != .web else {
            throw VaultError("channel: a request made online comes in through the privacy centre", kind: .invalid)
        }
        var requester = requester
        requester.kind = intake.kind
        requester.name = requester.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !requester.name.isEmpty else {
            throw VaultError("name: give the requester's name", kind: .invalid)
        }
        if let email = requester.email {
            guard let normalised = EmailAddress.normalised(email) else {
                throw VaultError("email: the value given is not a valid email address", kind: .invalid)
            }
            requester.email = normalised
        }
        if let check = requester.identityCheck {
            let trimmed = check.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else {
                throw VaultError("identity check: say how the requester's identity was checked", kind: .invalid)
            }
            requester.identityCheck = trimmed
        }
        var intake = intake
        intake.identityShown = intake.identityShown || requester.identityCheck != nil
        let (request, opening) = try await opening(intake, actor: actor, at: time)
        var changes = opening
        changes.requests.requesters = [try vault.sealedRequester(requester, request: request.id)]
        try await store.apply(changes)
        // As kept, with the number the register gave it.
        return try await store.request(request.id, in: workspaceID) ?? request
    }

    /// Who made request `id` and what they asked, as they gave it (online or to staff), with
    /// where the confirmation of an online requester's address stands; nil when the register
    /// keeps no requester for it. Audited as `request.requester.read`.
    public func requester(
        of id: UUID, actor: String, at time: Date = Date()
    ) async throws -> (asked: PublicRequest, linkSentAt: Date?, confirmedAt: Date?)? {
        try await PrivacyCentreRequests(vault: vault).requester(of: id, actor: actor, at: time)
    }
}

extension Vault {
    /// `asked` sealed under a key of request `id`'s own, with the blind index of the address
    /// given (a random one, matching no one, when none was).
    func sealedRequester(_ asked: PublicRequest, request id: UUID) throws -> StoredRequester {
        let workspaceID = workspace.id
        let (key, sealed) = try OwnKeySealing.seal(
            asked, under: requesterKey,
            keyContext: StoredRequester.keyContext(workspaceID: workspaceID, requestID: id),
            context: StoredRequester.sealContext(workspaceID: workspaceID, requestID: id))
        let emailIndex =
            asked.email.map { index(kind: "email", value: $0) }
            ?? SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        return StoredRequester(requestID: id, key: key, sealed: sealed, emailIndex: emailIndex)
    }
}
