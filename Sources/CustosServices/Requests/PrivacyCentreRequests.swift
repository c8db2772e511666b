public import CustosCore
import CustosStorage
public import Foundation

/// Requests made in the privacy centre, without an account: taken in with who made them sealed
/// beside them, confirmed by a signed link emailed to the address given (which expires), and
/// started on the legal clock once the requester is known.
///
/// A requester who asks about themselves from the address on file for exactly one person is
/// taken as identified when they follow the link: the request is tied to that person and the
/// clock starts on that day. Otherwise (an address on file for no one, or for several, or a
/// request on someone else's behalf) the link proves only the address, and staff check who the
/// requester is before the clock starts (``Requests/tie(_:to:actor:at:)``, then `verified`).
public struct PrivacyCentreRequests: Sendable {
    /// How long a confirmation link works.
    public static let linkLifetime: TimeInterval = 48 * 3600

    /// Who is recorded as taking the steps the privacy centre takes.
    static let actor = "privacy centre"

    public let vault: Vault

    public init(vault: Vault) {
        self.vault = vault
    }

    var store: any CustosStore { vault.store }
    var workspaceID: UUID { vault.workspace.id }

    // MARK: Intake

    /// Takes in a checked request (``PublicRequestForm/checked(offered:)``) received on `day`:
    /// the request awaits confirmation, and its confirmation link waits to be sent
    /// (``sendLinks(using:from:publicURL:only:at:)``).
    public func submit(
        _ asked: PublicRequest, on day: CalendarDay, at time: Date = Date()
    ) async throws
        -> StoredRequest
    {
        guard vault.policy.requestKindsOffered.contains(asked.kind) else {
            throw VaultError("kind: \(asked.kind.rawValue) is not a request this organisation offers", kind: .invalid)
        }
        guard let email = asked.email.flatMap(EmailAddress.normalised) else {
            throw VaultError("email: the value given is not a valid email address", kind: .invalid)
        }
        let emailIndex = vault.index(kind: "email", value: email)
        // The same request sent again (a double click, a second try, a form reloaded) while the
        // first is open is the first: no second request on the register, no second email.
        for stored in try await store.openRequesters(withEmailIndex: emailIndex, in: workspaceID)
        where Self.sameRequest(try open(stored), asked) {
            guard let request = try await store.request(stored.requestID, in: workspaceID), request.channel == .web
            else { continue }
            try await vault.audit([
                vault.event(
                    "request.repeated", actor: Self.actor, at: time,
                    detail: "request \(request.id): asked again in the privacy centre while open; not opened twice")
            ])
            return request
        }
        let intake = RequestIntake(
            kind: asked.kind, subjectID: nil, channel: .web, receivedOn: day,
            onBehalfAs: asked.onBehalf?.relationship,
            // What the requester said is sealed with their details; the register says where it is.
            competence: asked.onBehalf.map { _ in
                "stated by the requester in the privacy centre (see the request's details); staff to confirm"
            })
        let (request, opening) = try await Requests(vault: vault).opening(intake, actor: Self.actor, at: time)
        var changes = opening
        var sealed = asked
        sealed.email = email
        changes.requests.requesters = [try vault.sealedRequester(sealed, request: request.id)]
        try await store.apply(changes)
        // As kept, with the number the register gave it.
        return try await store.request(request.id, in: workspaceID) ?? request
    }

    /// What the requester gave, opened, with where the confirmation of their address stands; nil
    /// when the request did not come from the privacy centre. Audited as `request.requester.read`.
    public func requester(
        of requestID: UUID, actor: String, at time: Date = Date()
    ) async throws -> (asked: PublicRequest, linkSentAt: Date?, confirmedAt: Date?)? {
        guard let stored = try await store.requester(of: requestID, in: workspaceID) else { return nil }
        let asked = try open(stored)
        try await vault.audit([
            vault.event(
                "request.requester.read", actor: actor, at: time,
                detail: "request \(requestID): the requester's details read")
        ])
        return (asked, stored.linkSentAt, stored.confirmedAt)
    }

    // MARK: Confirmation links

    /// Emails the confirmation link of each request still waiting for one (only request `only`,
    /// when given), from `sender`, with links under `publicURL`; returns how many were sent. One
    /// the mail server cannot take now stays waiting for the next pass; one it refuses for good is
    /// not tried again (the request stays unconfirmed, and the audit says why).
    @discardableResult
    public func sendLinks(
        using transport: any MessageTransport, from sender: MailAddress, publicURL: String, only: UUID? = nil,
        claim: WorkClaim? = nil, at time: Date = Date()
    ) async throws -> Int {
        let links = PrivacyCentreLinks(publicURL: publicURL, workspaceName: vault.workspace.name, signer: vault.links)
        var sent = 0
        for stored in try await store.requestersAwaitingLink(in: workspaceID)
        where only == nil || stored.requestID == only {
            guard try await vault.stillHolds(claim) else { break }
            let asked = try open(stored)
            guard let address = asked.email, let recipient = MailAddress(address, name: asked.name) else { continue }
            let url = links.requestConfirmation(
                request: stored.requestID, expiresAt: time.addingTimeInterval(Self.linkLifetime))
            let reference =
                try await store.request(stored.requestID, in: workspaceID)?.reference
                ?? String(stored.requestID.uuidString.lowercased().prefix(8))
            let email = confirmationEmail(asked, reference: reference, url: url, from: sender, to: recipient, at: time)
            var changes = ChangeSet(workspaceID: workspaceID)
            changes.fence(claim)
            do {
                try await transport.deliver(MailEnvelope(email))
                changes.audit = [
                    vault.event(
                        "request.link_sent", actor: Self.actor, at: time,
                        detail: "request \(stored.requestID): confirmation link sent")
                ]
                sent += 1
            } catch let failure as DeliveryFailure {
                guard failure.permanent else { continue }
                changes.audit = [
                    vault.event(
                        "request.link_undeliverable", actor: Self.actor, at: time,
                        detail: "request \(stored.requestID): the confirmation link could not be delivered (\(failure))"
                    )
                ]
            }
            changes.requests.requesterLinksSent = [stored.requestID: time]
            try await store.apply(changes)
        }
        return sent
    }

    /// The email carrying the link: what was asked, what following the link does, and what to do
    /// if the requester did not ask.
    func confirmationEmail(
        _ asked: PublicRequest, reference: String, url: String, from sender: MailAddress, to recipient: MailAddress,
        at time: Date
    ) -> OutgoingEmail {
        let organisation = vault.policy.controller.displayName
        let hours = Int(Self.linkLifetime / 3600)
        return OutgoingEmail(
            id: UUID(), from: sender, to: recipient, subject: "Confirm your request to \(organisation)",
            text: """
                Dear \(asked.name),

                You made a request to \(organisation)\(asked.onBehalf == nil ? "" : " for someone else"):
                \(asked.kind.plainEnglish).

                To confirm that this email address is yours, so that we can start on your request, follow this link within \(hours) hours:

                \(url)

                If you did not make this request, ignore this email: nothing more will happen.

                Your request's reference is \(reference).
                """, date: time)
    }

    // MARK: Confirming

    /// What following a confirmation link did.
    public enum Confirmation: Sendable, Equatable {
        /// The address is the person's on file: the request is theirs, and the clock runs.
        case verified(StoredRequest)
        /// The address is confirmed; staff check who the requester (or the person asked about) is
        /// before the clock starts.
        case awaitingStaff(StoredRequest)
        /// The link was followed before; nothing changed.
        case alreadyConfirmed(StoredRequest)
    }

    /// Confirms the request a checked link (``LinkKind/requestConfirmation``) names, on `day`.
    /// Following the link again changes nothing. Throws a ``VaultError`` when the request is not
    /// one made in the privacy centre of this workspace.
    public func confirm(
        _ claims: LinkClaims, on day: CalendarDay, at time: Date = Date()
    ) async throws
        -> Confirmation
    {
        guard claims.kind == .requestConfirmation, let requestID = claims.requestID,
            let request = try await store.request(requestID, in: workspaceID),
            let stored = try await store.requester(of: requestID, in: workspaceID)
        else { throw VaultError("there is no request to confirm for this link", kind: .notFound) }
        if stored.confirmedAt != nil { return .alreadyConfirmed(request) }
        let asked = try open(stored)
        var confirmed = request
        var changes: ChangeSet
        if asked.onBehalf == nil, request.state == .awaitingVerification,
            let person = try await onlyPerson(withAddress: stored.emailIndex)
        {
            (confirmed, changes) = try await Requests(vault: vault).recording(
                .verified, request: requestID, on: day,
                reason: "followed the confirmation link sent to the email address on file for this person",
                actor: "requester", at: time, subject: person)
        } else {
            changes = ChangeSet(workspaceID: workspaceID)
        }
        changes.requests.requestersConfirmed = [requestID: time]
        changes.audit.append(
            vault.event(
                "request.confirmed", actor: "requester", at: time, subjectID: confirmed.subjectID,
                detail: "request \(requestID): the requester confirmed their email address"))
        try await store.apply(changes)
        return confirmed.state == .awaitingVerification ? .awaitingStaff(confirmed) : .verified(confirmed)
    }

    // MARK: Helpers

    /// The one live person whose email is `index` (merged records followed); nil for none or several.
    private func onlyPerson(withAddress index: Data) async throws -> UUID? {
        let ids = try await store.subjectIDs(forIndexes: [index], in: workspaceID).values.first ?? []
        let contacts = Contacts(vault: vault)
        var people: Set<UUID> = []
        for id in ids { people.insert(try await contacts.current(id)) }
        guard people.count == 1, let person = people.first,
            try await !contacts.facts(of: person).isGone
        else { return nil }
        return person
    }

    /// Whether two requests made in the privacy centre ask the same thing: the same kind, for the
    /// same person, in the same words, from the same address (spaces and case aside).
    static func sameRequest(_ first: PublicRequest, _ second: PublicRequest) -> Bool {
        func comparable(_ request: PublicRequest) -> PublicRequest {
            var request = request
            request.email = request.email.map { EmailAddress.normalised($0) ?? $0 }
            request.name = request.name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            request.details = request.details?.trimmingCharacters(in: .whitespacesAndNewlines)
            if request.details?.isEmpty == true { request.details = nil }
            return request
        }
        return comparable(first) == comparable(second)
    }

    private func open(_ stored: StoredRequester) throws -> PublicRequest {
        try OwnKeySealing.open(
            PublicRequest.self, key: stored.key, sealed: stored.sealed, under: vault.requesterKey,
            keyContext: StoredRequester.keyContext(workspaceID: workspaceID, requestID: stored.requestID),
            context: StoredRequester.sealContext(workspaceID: workspaceID, requestID: stored.requestID),
            what: "the requester of request \(stored.requestID)")
    }
}
