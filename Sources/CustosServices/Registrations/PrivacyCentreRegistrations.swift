public import CustosCore
import CustosStorage
public import Foundation

/// Registration in the privacy centre, where the policy offers it (``RegistrationSettings``; BEP's
/// CPD Online): what a person gives is checked against the record type and held sealed until they
/// follow the link emailed to the address they gave; then it becomes their record, and the lead
/// users at their school (school leaders in the console) are told, under the purpose the policy
/// names, so that someone at the school sees who registers.
///
/// What is held before confirmation is destroyed when the link expires unfollowed; what is held
/// after it, once the leads are told. No step's audit entry carries the details.
public struct PrivacyCentreRegistrations: Sendable {
    /// How long a confirmation link works.
    public static let linkLifetime: TimeInterval = 48 * 3600

    /// Who is recorded as taking the steps the privacy centre takes.
    static let actor = "privacy centre"

    public let vault: Vault
    /// The policy's registration, and the record type it makes.
    public let settings: RegistrationSettings
    public let recordType: RecordType

    /// Registration in `vault`'s workspace; nil when its policy offers none.
    public init?(vault: Vault) {
        guard let settings = vault.policy.registration,
            let type = vault.policy.recordType(settings.recordType), type.ownEmailField != nil
        else { return nil }
        self.vault = vault
        self.settings = settings
        self.recordType = type
    }

    var store: any CustosStore { vault.store }
    var workspaceID: UUID { vault.workspace.id }

    // MARK: Intake

    /// Takes in what a person gave on the form: checked as the record type's validator checks
    /// any record (a ``VaultError`` with each field's problem when it is not valid), then held,
    /// sealed, for its confirmation link (``sendLinks(using:from:publicURL:only:at:)``), with the
    /// `choices` the person made among the form's (``CollectionChoice``), which take effect when
    /// they confirm. Returns the registration's id. Registrations left unconfirmed past the
    /// link's life go first.
    public func submit(
        _ given: [String: String], choices: [CollectionChoice] = [], at time: Date = Date()
    ) async throws -> UUID {
        let validation = RecordValidator(recordType: recordType).validate(given)
        guard validation.isValid else { throw VaultError.invalidRecord(recordType.id, validation.problems) }
        guard let emailField = recordType.ownEmailField,
            let email = validation.values[emailField.name].flatMap(EmailAddress.normalised)
        else { throw VaultError("\(recordType.ownEmailField?.name ?? "email"): is required", kind: .invalid) }
        try await removeExpired(at: time)
        let id = UUID()
        let offered = CollectionChoice.choices(for: recordType, in: vault.policy)
        let content = Content(values: validation.values, choices: choices.filter(offered.contains).map(\.value))
        let (key, sealed) = try OwnKeySealing.seal(
            content, under: vault.requesterKey, keyContext: Self.keyContext(workspaceID, id),
            context: Self.sealContext(workspaceID, id))
        var changes = ChangeSet(workspaceID: workspaceID)
        changes.registrations.made = [
            StoredRegistration(
                id: id, key: key, sealed: sealed, emailIndex: vault.index(kind: "email", value: email), createdAt: time)
        ]
        changes.audit = [
            vault.event(
                "registration.received", actor: Self.actor, at: time,
                detail: "registration \(id): \(recordType.id), awaiting confirmation of the address")
        ]
        try await store.apply(changes)
        return id
    }

    /// Destroys what is held of registrations whose link expired unfollowed.
    public func removeExpired(at time: Date = Date()) async throws {
        let expired = try await store.unconfirmedRegistrations(
            before: time.addingTimeInterval(-Self.linkLifetime), in: workspaceID)
        guard !expired.isEmpty else { return }
        var changes = ChangeSet(workspaceID: workspaceID)
        changes.registrations.removed = expired
        changes.audit = expired.map { id in
            vault.event(
                "registration.expired", actor: Self.actor, at: time,
                detail: "registration \(id): never confirmed; what was given is destroyed")
        }
        try await store.apply(changes)
    }

    // MARK: Confirmation links

    /// Emails the confirmation link of each registration still waiting for one (only `only`, when
    /// given), from `sender`, with links under `publicURL`; returns how many were sent. One the
    /// mail server cannot take now waits for the next pass; one it refuses for good is not tried
    /// again, and expires.
    @discardableResult
    public func sendLinks(
        using transport: any MessageTransport, from sender: MailAddress, publicURL: String, only: UUID? = nil,
        claim: WorkClaim? = nil, at time: Date = Date()
    ) async throws -> Int {
        let links = PrivacyCentreLinks(publicURL: publicURL, workspaceName: vault.workspace.name, signer: vault.links)
        let organisation = vault.policy.controller.displayName
        var sent = 0
        for stored in try await store.registrationsAwaitingLink(in: workspaceID) where only == nil || stored.id == only
        {
            guard try await vault.stillHolds(claim) else { break }
            let given = try open(stored)
            guard let emailField = recordType.ownEmailField, let address = given[emailField.name],
                let recipient = MailAddress(address)
            else { continue }
            let url = links.registrationConfirmation(
                registration: stored.id, expiresAt: time.addingTimeInterval(Self.linkLifetime))
            let email = OutgoingEmail(
                id: UUID(), from: sender, to: recipient, subject: "Confirm your registration with \(organisation)",
                text: """
                    Hello,

                    Someone, we hope you, registered this email address with \(organisation): \(recordType.name).

                    To confirm that the address is yours and finish registering, follow this link within \(Int(Self.linkLifetime / 3600)) hours:

                    \(url)

                    If you did not register, ignore this email: what was given is deleted when the link expires.
                    """, date: time)
            var changes = ChangeSet(workspaceID: workspaceID)
            changes.fence(claim)
            do {
                try await transport.deliver(MailEnvelope(email))
                changes.audit = [
                    vault.event(
                        "registration.link_sent", actor: Self.actor, at: time,
                        detail: "registration \(stored.id): confirmation link sent")
                ]
                sent += 1
            } catch let failure as DeliveryFailure {
                guard failure.permanent else { continue }
                changes.audit = [
                    vault.event(
                        "registration.link_undeliverable", actor: Self.actor, at: time,
                        detail: "registration \(stored.id): the confirmation link could not be delivered (\(failure))")
                ]
            }
            changes.registrations.linksSent = [stored.id: time]
            try await store.apply(changes)
        }
        return sent
    }

    // MARK: Confirming

    /// What following a confirmation link did.
    public enum Confirmation: Sendable, Equatable {
        /// The person is on file (`subjectID`); their school's leads are to be told.
        case registered(subjectID: UUID)
        /// The link was followed before; nothing changed.
        case alreadyConfirmed
        /// The address belongs to someone whose information was erased: nothing is kept of them,
        /// and what they gave is destroyed. Staff can say more.
        case suppressed
    }

    /// Confirms the registration a checked link (``LinkKind/registrationConfirmation``) names:
    /// writes the record, through the vault, as the person's own (audited), and leaves the
    /// telling of the school's leads to ``tellSchoolLeads(using:from:publicURL:at:)``. Throws a
    /// ``VaultError`` (not found) when nothing is held for the link: confirmed and done with,
    /// expired, or never made here.
    public func confirm(_ claims: LinkClaims, at time: Date = Date()) async throws -> Confirmation {
        guard claims.kind == .registrationConfirmation, let id = claims.registrationID,
            let stored = try await store.registration(id, in: workspaceID)
        else { throw VaultError("there is no registration to confirm for this link", kind: .notFound) }
        if stored.confirmedAt != nil { return .alreadyConfirmed }
        let content = try content(stored)
        let given = content.values
        let outcome = try await vault.write(
            RecordInput(
                type: recordType, values: given,
                source: RecordSource(kind: .form, name: "the privacy centre's registration form")),
            actor: "registrant", reason: "registered in the privacy centre and confirmed the email address", at: time)
        var changes = ChangeSet(workspaceID: workspaceID)
        let subjectID: UUID?
        switch outcome {
        case .created(_, let subjects, _), .updated(_, let subjects):
            subjectID = recordType.roles.first.flatMap { subjects[$0.name] }
        case .suppressed, .personNotFound, .schoolNotHeld, .schoolNeeded:
            subjectID = nil
        }
        guard let subjectID else {
            changes.registrations.removed = [id]
            changes.audit = [
                vault.event(
                    "registration.suppressed", actor: Self.actor, at: time,
                    detail: "registration \(id): the address belongs to an erased person; nothing was kept")
            ]
            try await store.apply(changes)
            return .suppressed
        }
        // The choices made on the form, as the person's own acts, each in the ledger with its wording.
        let contacts = Contacts(vault: vault)
        for choice in CollectionChoice.made(
            content.choices, among: CollectionChoice.choices(for: recordType, in: vault.policy))
        {
            try await contacts.record(
                choice.kind == .consent ? .given : .withdrawn, subject: subjectID, purpose: choice.purpose,
                wording: choice.label, source: .webForm, actor: "registrant", at: time)
        }
        if settings.tellSchoolLeads == nil {
            changes.registrations.removed = [id]
        } else {
            changes.registrations.confirmed = [
                RegistrationConfirmed(registrationID: id, confirmedAt: time, subjectID: subjectID)
            ]
        }
        changes.audit = [
            vault.event(
                "registration.confirmed", actor: "registrant", at: time, subjectID: subjectID,
                detail: "registration \(id): the address confirmed; on file as a \(recordType.id) record")
        ]
        try await store.apply(changes)
        return .registered(subjectID: subjectID)
    }

    // MARK: Telling the school's leads

    /// Tells the lead users at each newly registered person's school (its school leaders in the
    /// console, not disabled) that they registered, with only the fields a school leader may read
    /// of the record type under the access rules, under the purpose the policy names, unless the
    /// person's data is restricted or objected to for that purpose. Where no
    /// lead can be told (no school, or none of its leaders has an account), a task asks staff to
    /// check the registration instead. Returns how many registrations were dealt with; one whose
    /// mail the server cannot take now waits for the next pass.
    @discardableResult
    public func tellSchoolLeads(
        using transport: any MessageTransport, from sender: MailAddress, publicURL: String?, claim: WorkClaim? = nil,
        at time: Date = Date()
    ) async throws -> Int {
        guard let purpose = settings.tellSchoolLeads else { return 0 }
        let leaders = try await store.staffUsers(in: workspaceID).filter {
            $0.role == .schoolLeader && $0.disabledAt == nil && $0.schoolID != nil
        }
        let schools = Dictionary(
            try await store.schools(in: workspaceID).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let shown = RecordAccess(policy: vault.policy).grant(to: .schoolLeader, .read, recordType: recordType.id)
        var done = 0
        for stored in try await store.registrationsAwaitingLeads(in: workspaceID) {
            guard let subjectID = stored.subjectID else { continue }
            guard try await vault.stillHolds(claim) else { break }
            let schoolID = try await store.subjects([subjectID], in: workspaceID).first?.schoolID
            let leads = leaders.filter { $0.schoolID == schoolID && schoolID != nil }
            var changes = ChangeSet(workspaceID: workspaceID)
            changes.fence(claim)
            changes.registrations.removed = [stored.id]
            if try await !vault.stopped(for: purpose, among: [subjectID]).isEmpty {
                // They objected to the telling, or it is restricted: no one is told.
                changes.audit = [
                    vault.event(
                        "registration.school_leads_not_told", actor: Self.actor, at: time, purpose: purpose,
                        subjectID: subjectID,
                        detail:
                            "registration \(stored.id): the person's data is restricted or objected to for this purpose"
                    )
                ]
            } else if leads.isEmpty {
                let school = schoolID.flatMap { schools[$0] }.map { $0.urn.map { "school URN \($0)" } ?? $0.name }
                changes.tasks.opened = [
                    StoredTask(
                        workspaceID: workspaceID, kind: .checkEligibility, requestID: nil, subjectID: subjectID,
                        summary:
                            "Check that a new registered user is eligible: no lead user at \(school ?? "their school") could be told",
                        recipients: [], dueOn: nil, createdAt: time, createdBy: Self.actor)
                ]
                changes.audit = [
                    vault.event(
                        "registration.no_school_lead", actor: Self.actor, at: time, purpose: purpose,
                        subjectID: subjectID,
                        detail:
                            "registration \(stored.id): no lead user at the school to tell; a task asks staff to check")
                ]
            } else {
                let given = try open(stored)
                var told = 0
                var tryAgainLater = false
                for lead in leads {
                    guard let recipient = MailAddress(lead.email, name: lead.name) else { continue }
                    let email = leadEmail(
                        given, shown: shown, from: sender, to: recipient, publicURL: publicURL, at: time)
                    do {
                        try await transport.deliver(MailEnvelope(email))
                        told += 1
                    } catch let failure as DeliveryFailure {
                        if failure.permanent { continue }
                        tryAgainLater = true
                        break
                    }
                }
                // The mail server cannot take it now: the next pass tells them all.
                if tryAgainLater { continue }
                changes.audit = [
                    vault.event(
                        "registration.school_leads_told", actor: Self.actor, at: time, purpose: purpose,
                        subjectID: subjectID,
                        detail: "registration \(stored.id): \(told) of \(leads.count) lead users at the school told")
                ]
            }
            try await store.apply(changes)
            done += 1
        }
        return done
    }

    /// The email to a school's lead user: who registered, in the fields a school leader may read,
    /// and what to do if they are not eligible.
    func leadEmail(
        _ given: [String: String], shown: AccessGrant?, from sender: MailAddress, to recipient: MailAddress,
        publicURL: String?, at time: Date
    ) -> OutgoingEmail {
        let organisation = vault.policy.controller.displayName
        let lines = recordType.fields.compactMap { field -> String? in
            guard let shown, shown.covers(field.name), let value = given[field.name], !value.isEmpty else { return nil }
            return "\(field.displayLabel): \(value)"
        }
        let details = lines.isEmpty ? "" : "\n\n" + lines.joined(separator: "\n")
        // Named as the leader would see them in the console: only by fields they may read.
        let newcomer = shown.flatMap { grant in
            DisplayName.of(
                given.filter { grant.covers($0.key) }, type: recordType, role: recordType.roles.first?.name)
        }
        let console = publicURL.map { url in
            "\n\nYour school's registered users are listed on your school's page: \(url.hasSuffix("/") ? String(url.dropLast()) : url)/console/school"
        }
        let contact = vault.policy.controller.email.map { " at \($0)" } ?? ""
        return OutgoingEmail(
            id: UUID(), from: sender, to: recipient, subject: "A new registered user at your school",
            text: """
                Dear \(recipient.name ?? "colleague"),

                \(newcomer ?? "Someone at your school") has registered with \(organisation) (\(recordType.name)).\(details)

                We tell your school's lead users of each new registration, so that only eligible staff use the service. If this person should not have an account, please tell us\(contact).\(console ?? "")
                """, date: time)
    }

    // MARK: Helpers

    /// What a registration holds, sealed: the values given and the choices made (``CollectionChoice/value``).
    struct Content: Codable {
        var values: [String: String]
        var choices: [String]
    }

    /// What `stored` holds; one sealed before choices were kept holds the values alone.
    private func content(_ stored: StoredRegistration) throws -> Content {
        func open<Value: Decodable>(_ type: Value.Type) throws -> Value {
            try OwnKeySealing.open(
                type, key: stored.key, sealed: stored.sealed, under: vault.requesterKey,
                keyContext: Self.keyContext(workspaceID, stored.id), context: Self.sealContext(workspaceID, stored.id),
                what: "registration \(stored.id)")
        }
        do {
            return try open(Content.self)
        } catch let error as StoreError where error.errorCode == .corruptData {
            return Content(values: try open([String: String].self), choices: [])
        }
    }

    private func open(_ stored: StoredRegistration) throws -> [String: String] {
        try content(stored).values
    }

    static func keyContext(_ workspaceID: UUID, _ id: UUID) -> Envelope.Context {
        Envelope.Context("registration-key", workspaceID.uuidString, id.uuidString)
    }

    static func sealContext(_ workspaceID: UUID, _ id: UUID) -> Envelope.Context {
        Envelope.Context("registration", workspaceID.uuidString, id.uuidString)
    }
}
