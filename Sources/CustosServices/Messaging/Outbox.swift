public import CustosCore
public import CustosStorage
public import Foundation

/// A workspace's outgoing messages: templates queued for the people the contact decision allows,
/// delivered by a ``MessageTransport`` with retries, and every step kept in the communications log.
///
/// The decision is asked twice: when a message is queued, and again just before it is sent, so an
/// opt-out, objection, restriction or erasure in between stops it.
public struct Outbox: Sendable {
    public let contacts: Contacts

    public init(vault: Vault) {
        contacts = Contacts(vault: vault)
    }

    var vault: Vault { contacts.vault }
    var store: any CustosStore { vault.store }
    var workspaceID: UUID { vault.workspace.id }

    /// The wait after each failed attempt; after the last, the message fails and stays visible.
    public static let retryDelays: [TimeInterval] = [60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600]
    /// How long a sender holds a message it took before another may take it again: each message
    /// is taken alone, just before it is sent, so the lease need only outlast one delivery, which
    /// a transport bounds (SMTP: its timeout, 60 seconds unless the mail URL says otherwise).
    static let lease: TimeInterval = 10 * 60

    // MARK: Queuing

    /// Queues `template` for `subjects`, or for everyone the purpose concerns when nil (its
    /// audience). People the decision refuses, or with no email address, are counted, not queued.
    /// Audited once, with the counts.
    public func queue(
        _ template: MessageTemplate, to subjects: [UUID]?, settings: MessageSettings, actor: String,
        at time: Date = Date()
    ) async throws -> QueueReport {
        let purpose: Purpose
        do {
            try template.check(against: vault.policy)
            purpose = try contacts.decider.check(template.question)
        } catch {
            throw VaultError("\(error)", kind: .invalid)
        }
        var allowed: [UUID] = []
        var denied: [ContactReason: Int] = [:]
        var withoutAddress = 0
        if let subjects {
            for id in subjects {
                let decision = try await contacts.decide(subject: id, template.question)
                if decision.allowed { allowed.append(id) } else { denied[decision.reason, default: 0] += 1 }
            }
        } else {
            let audience = try await contacts.decideAudience(template.question)
            allowed = audience.allowed.map(\.subjectID)
            denied = audience.denied
            withoutAddress = audience.withoutAddress
        }
        let links = PrivacyCentreLinks(
            publicURL: settings.publicURL, workspaceName: vault.workspace.name, signer: vault.links)
        let types = Set(vault.policy.recordTypes(for: purpose).map(\.id))
        let tracked = purpose.marketing?.tracking == true
        var queued: [UUID] = []
        for start in stride(from: 0, to: allowed.count, by: 500) {
            let batch = Array(allowed[start..<min(start + 500, allowed.count)])
            let viewsBySubject = try await contacts.views(of: batch, types: types)
            let subjects = Dictionary(
                uniqueKeysWithValues: try await store.subjects(batch, in: workspaceID).map { ($0.id, $0) })
            var changes = ChangeSet(workspaceID: workspaceID)
            for id in batch {
                guard let views = viewsBySubject[id], let subject = subjects[id],
                    let address = contacts.address(in: views, channel: .email),
                    let recipient = MailAddress(address, name: vault.displayName(of: views))
                else {
                    withoutAddress += 1
                    continue
                }
                let messageID = UUID()
                var values = Self.values(in: views)
                values[MessageVariable.name.rawValue] = recipient.name ?? ""
                values[MessageVariable.organisation.rawValue] = vault.policy.controller.displayName
                values[MessageVariable.preferencesURL.rawValue] = links.preferences(
                    subject: id, expiresAt: time.addingTimeInterval(settings.preferencesLinkLifetime))
                var unsubscribeURL: String?
                if purpose.marketing != nil {
                    let url = links.unsubscribe(
                        subject: id, purpose: purpose.id, list: template.list, message: messageID)
                    values[MessageVariable.unsubscribeURL.rawValue] = url
                    unsubscribeURL = url
                }
                let rendered = template.render(values)
                var text = rendered.text
                if let unsubscribeURL, !template.variables.contains(where: { $0.name == "unsubscribe_url" }) {
                    // Every marketing message says how to stop them (PECR reg 22(2)).
                    text +=
                        "\n\n--\nTo stop these emails: \(unsubscribeURL)\n"
                        + "To change what we send you: \(values[MessageVariable.preferencesURL.rawValue] ?? "")\n"
                }
                let email = OutgoingEmail(
                    id: messageID, from: settings.from, to: recipient, subject: rendered.subject, text: text,
                    date: time, unsubscribeURL: unsubscribeURL,
                    openPixelURL: tracked ? links.openPixel(subject: id, message: messageID) : nil)
                let envelope = MailEnvelope(
                    id: messageID, sender: settings.from.address, recipient: recipient.address, data: email.rfc5322())
                let sealed = try Envelope.seal(
                    try JSONEncoder().encode(envelope), key: try vault.dataKey(of: subject),
                    context: StoredMessage.sealContext(workspaceID: workspaceID, messageID: messageID))
                changes.messages.queued.append(
                    StoredMessage(
                        id: messageID, subjectID: id, purpose: purpose.id, list: template.list,
                        channel: template.channel, template: template.name, sealed: sealed, status: .queued,
                        attempts: 0, nextAttemptAt: time, lastError: nil, tracked: tracked, queuedAt: time,
                        queuedBy: actor, sentAt: nil))
                changes.messages.events.append(
                    MessageEvent(messageID: messageID, subjectID: id, kind: .queued, at: time, detail: template.name))
                queued.append(messageID)
            }
            try await store.apply(changes)
        }
        let report = QueueReport(
            template: template.name, question: template.question, queued: queued, denied: denied,
            withoutAddress: withoutAddress)
        try await vault.audit([
            vault.event(
                "message.queue", actor: actor, at: time, purpose: purpose.id,
                detail:
                    "template \(template.name), list \(template.list ?? "none"): \(queued.count) queued; left out: \(Self.describe(denied)), \(withoutAddress) without an address"
            )
        ])
        return report
    }

    /// Field values of the person's records, newest first; pseudonyms are not values to write to them.
    static func values(in views: [RecordView]) -> [String: String] {
        var values: [String: String] = [:]
        for view in views {
            for (name, value) in view.values where values[name] == nil && !view.pseudonymised.contains(name) {
                values[name] = value
            }
        }
        return values
    }

    static func describe(_ denied: [ContactReason: Int]) -> String {
        let text = denied.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
            .joined(separator: ", ")
        return text.isEmpty ? "none" : text
    }

    // MARK: Delivering

    /// Sends up to `limit` due messages through `transport`. Each is taken (leased, ``lease``)
    /// alone just before it is sent, and first decided again; one the decision now refuses, or
    /// whose person was erased, is cancelled. A temporary failure is retried after
    /// ``retryDelays``; a permanent one, or the last, fails. Each message's outcome is written as
    /// soon as it is known, so a run stopped mid-way resends at most the message in hand (after
    /// the lease). Under a server's `claim` on the workspace's pass, the claim is checked (and
    /// renewed) before each message is taken. A message sent is the person's latest activity (for
    /// retention).
    public func deliver(
        using transport: any MessageTransport, at now: Date = Date(), limit: Int = 100, claim: WorkClaim? = nil
    ) async throws -> DeliveryReport {
        var report = DeliveryReport()
        for _ in 0..<limit {
            guard try await vault.stillHolds(claim),
                let message = try await store.claimDueMessages(in: workspaceID, at: now, lease: Self.lease, limit: 1)
                    .first
            else { break }
            // Not fenced by the claim: the message is this sender's by its own lease, and an email
            // sent must be recorded as sent whatever became of the pass meanwhile.
            var changes = ChangeSet(workspaceID: workspaceID)
            let outcome = try await attempt(message, transport: transport, at: now)
            changes.messages.updates = [outcome.update]
            changes.messages.events = [outcome.event]
            // A message the organisation sends is not the person's activity: retention periods
            // that run from their last transaction or communication do not start again.
            try await store.apply(changes)
            switch outcome.update.status {
            case .sent: report.sent += 1
            case .queued: report.deferred += 1
            case .failed: report.failed += 1
            case .cancelled: report.cancelled += 1
            }
        }
        if report.total > 0 {
            try await vault.audit([
                vault.event(
                    "outbox.deliver", actor: "outbox", at: now,
                    detail:
                        "\(transport.description): \(report.sent) sent, \(report.deferred) deferred, \(report.failed) failed, \(report.cancelled) cancelled"
                )
            ])
        }
        return report
    }

    private func attempt(
        _ message: StoredMessage, transport: any MessageTransport, at now: Date
    ) async throws -> (update: MessageUpdate, event: MessageEvent) {
        func outcome(
            _ status: MessageStatus, _ kind: MessageEventKind, detail: String?, attempts: Int, next: Date? = nil
        )
            -> (MessageUpdate, MessageEvent)
        {
            (
                MessageUpdate(
                    messageID: message.id, status: status, attempts: attempts, nextAttemptAt: next,
                    lastError: status == .sent ? nil : detail, sentAt: status == .sent ? now : nil),
                MessageEvent(messageID: message.id, subjectID: message.subjectID, kind: kind, at: now, detail: detail)
            )
        }
        let question = ContactQuestion(purpose: message.purpose, channel: message.channel, list: message.list)
        let decision: ContactDecision
        do {
            decision = try await contacts.decide(subject: message.subjectID, question)
        } catch let error as VaultError where error.kind == .invalid {
            // The policy in force no longer has the purpose or list.
            return outcome(
                .cancelled, .cancelled, detail: "the policy no longer allows it: \(error.message)",
                attempts: message.attempts)
        }
        guard decision.allowed else {
            return outcome(
                .cancelled, .cancelled, detail: "contact decision: \(decision.reason.rawValue)",
                attempts: message.attempts)
        }
        guard let subject = try await store.subjects([message.subjectID], in: workspaceID).first,
            subject.key != nil
        else {
            return outcome(.cancelled, .cancelled, detail: "contact decision: gone", attempts: message.attempts)
        }
        let envelope: MailEnvelope
        do {
            envelope = try JSONDecoder().decode(
                MailEnvelope.self,
                from: try Envelope.open(
                    message.sealed, key: try vault.dataKey(of: subject),
                    context: StoredMessage.sealContext(workspaceID: workspaceID, messageID: message.id),
                    what: "message \(message.id)"))
        } catch {
            // Altered or sealed under another key: retrying cannot help, and the rest of the queue goes on.
            return outcome(.failed, .failed, detail: "the sealed message cannot be opened", attempts: message.attempts)
        }
        let attempts = message.attempts + 1
        do {
            try await transport.deliver(envelope)
            return outcome(.sent, .sent, detail: transport.description, attempts: attempts)
        } catch let failure as DeliveryFailure {
            if failure.permanent || attempts > Self.retryDelays.count {
                return outcome(.failed, .failed, detail: "attempt \(attempts): \(failure.reason)", attempts: attempts)
            }
            let next = now.addingTimeInterval(Self.retryDelays[attempts - 1])
            return outcome(
                .queued, .deferred, detail: "attempt \(attempts): \(failure.reason)", attempts: attempts, next: next)
        }
    }

    // MARK: Staff

    /// Puts a failed message back in the queue, due now.
    public func retry(_ id: UUID, actor: String, at time: Date = Date()) async throws {
        guard let message = try await store.message(id, in: workspaceID) else {
            throw VaultError("message: there is no message \(id) in this workspace", kind: .notFound)
        }
        guard message.status == .failed else {
            throw VaultError(
                "message: only a failed message can be retried; this one is \(message.status.rawValue)",
                kind: .conflict)
        }
        var changes = ChangeSet(workspaceID: workspaceID)
        changes.messages.updates = [
            MessageUpdate(
                messageID: id, status: .queued, attempts: message.attempts, nextAttemptAt: time,
                lastError: message.lastError, sentAt: nil)
        ]
        changes.messages.events = [
            MessageEvent(messageID: id, subjectID: message.subjectID, kind: .retried, at: time, detail: "by \(actor)")
        ]
        changes.audit = [vault.event("message.retry", actor: actor, at: time, subjectID: message.subjectID)]
        try await store.apply(changes)
    }

    /// Messages in the outbox with one of `statuses`, newest first.
    public func messages(withStatuses statuses: [MessageStatus], limit: Int = 100) async throws -> [StoredMessage] {
        try await store.messages(withStatuses: statuses, in: workspaceID, limit: limit)
    }

    /// How many messages are in each status.
    public func counts() async throws -> [MessageStatus: Int] {
        try await store.messageCounts(in: workspaceID)
    }
}
