public import CustosCore
public import CustosStorage
public import Foundation

/// Reminders to the DPO about open requests coming due: one 7 days before the due date (or as
/// soon as fewer are left) and one 1 day before, each sent once, by the outbox's transport; and
/// one, at once, for an educational-record request whose clock runs with no due date because the
/// school calendar ends too soon. They name the request, its kind and its dates, never the person.
public struct RequestReminders: Sendable {
    /// A reminder to send: the request, and the mark (7 or 1 days before, or
    /// ``RequestReminder/schoolCalendarMark``) it is for.
    public struct Due: Sendable, Equatable {
        public var request: StoredRequest
        public var mark: Int
        /// Days from `asOf` to the due date (0 on the day, negative when late).
        public var daysLeft: Int
    }

    public let vault: Vault

    public init(vault: Vault) {
        self.vault = vault
    }

    /// Who reminders go to: the DPO, else whoever the policy says takes requests, else the
    /// controller.
    public var recipient: MailAddress? {
        let policy = vault.policy
        let address = policy.dpo?.email ?? policy.rights.contact?.email ?? policy.controller.email
        return address.flatMap { MailAddress($0, name: policy.dpo?.displayName) }
    }

    /// Who reminders come from when no sender is given (``Vault/organisationSender``).
    public var defaultSender: MailAddress? { vault.organisationSender }

    /// The reminders due on `day` and not yet sent, soonest due first: for each open request with a
    /// due date, the nearest mark reached (a request taken in 3 days before it is due gets the
    /// 7-day reminder at once, and the 1-day one later).
    public func due(asOf day: CalendarDay) async throws -> [Due] {
        let store = vault.store
        let sent = Set(
            try await store.requestReminders(in: vault.workspace.id).map { "\($0.requestID) \($0.mark)" })
        var due: [Due] = []
        for request in try await store.requests(in: vault.workspace.id, includingClosed: false) {
            if request.clockWaitsFor == .schoolCalendar {
                let mark = RequestReminder.schoolCalendarMark
                if !sent.contains("\(request.id) \(mark)") {
                    due.append(Due(request: request, mark: mark, daysLeft: 0))
                }
                continue
            }
            guard let dueOn = request.dueOn else { continue }
            let left = day.days(to: dueOn)
            guard let mark = RequestReminder.marks.last(where: { left <= $0 }),
                !sent.contains("\(request.id) \(mark)")
            else { continue }
            due.append(Due(request: request, mark: mark, daysLeft: left))
        }
        return due
    }

    /// Sends the reminders due on `day` from `sender` through `transport`; returns how many were
    /// sent. Each links the request's page in the console under `publicURL`, when given. One that
    /// fails stays due and is tried again on the next pass; the rest go on.
    @discardableResult
    public func send(
        using transport: any MessageTransport, from sender: MailAddress, asOf day: CalendarDay = .today,
        publicURL: String? = nil, claim: WorkClaim? = nil, at time: Date = Date()
    ) async throws -> Int {
        guard let recipient else { return 0 }
        var sent = 0
        for reminder in try await due(asOf: day) {
            guard try await vault.stillHolds(claim) else { break }
            let email = Self.email(reminder, from: sender, to: recipient, publicURL: publicURL, at: time)
            do {
                try await transport.deliver(MailEnvelope(email))
            } catch is DeliveryFailure {
                continue
            }
            var changes = ChangeSet(workspaceID: vault.workspace.id)
            changes.fence(claim)
            changes.requests.reminders = [
                RequestReminder(requestID: reminder.request.id, mark: reminder.mark, sentAt: time)
            ]
            changes.audit = [
                vault.event(
                    "request.reminder", actor: "reminders", at: time, subjectID: reminder.request.subjectID,
                    detail:
                        "request \(reminder.request.id): \(reminder.mark == RequestReminder.schoolCalendarMark ? "school-calendar" : "\(reminder.mark)-day") reminder sent"
                )
            ]
            try await vault.store.apply(changes)
            sent += 1
        }
        return sent
    }

    /// The reminder as an email.
    static func email(
        _ reminder: Due, from sender: MailAddress, to recipient: MailAddress, publicURL: String? = nil, at time: Date
    )
        -> OutgoingEmail
    {
        let request = reminder.request
        let kind = request.kind.rawValue.replacingOccurrences(of: "_", with: " ")
        let page = publicURL.map { Self.consolePage(of: request.id, under: $0) }
        if reminder.mark == RequestReminder.schoolCalendarMark {
            return OutgoingEmail(
                id: UUID(), from: sender, to: recipient,
                subject: "Request with no due date: \(kind) (the school calendar ends too soon)",
                text: """
                    A parent's request for the educational record is running, but its 15th school day falls after \
                    the last term in the school calendar, so its due date cannot be worked out.

                    Request: \(request.reference)
                    Kind: \(kind) (\(request.kind.reference))
                    Received: \(request.receivedOn)

                    Add the next term (`custos calendar term --from DATE --to DATE`); the due date follows at once.\(page.map { "\n\nThe request: \($0)" } ?? "")
                    """, date: time)
        }
        let dueOn = request.dueOn.map(\.description) ?? "no date"
        let when =
            switch reminder.daysLeft {
            case ..<0: "it is \(-reminder.daysLeft) day\(reminder.daysLeft == -1 ? "" : "s") late"
            case 0: "it is due today"
            case 1: "1 day is left"
            default: "\(reminder.daysLeft) days are left"
            }
        return OutgoingEmail(
            id: UUID(), from: sender, to: recipient,
            subject: "Request due \(dueOn): \(kind) (\(when))",
            text: """
                A request from a person is coming due.

                Request: \(request.reference)
                Kind: \(kind) (\(request.kind.reference))
                Received: \(request.receivedOn)
                Due: \(dueOn); \(when).
                State: \(request.state.rawValue.replacingOccurrences(of: "_", with: " "))

                \(page.map { "Open it in the console: \($0)" } ?? "See it with `custos request show \(request.id.uuidString)`, or in the console.")
                """, date: time)
    }

    /// The request's page in the console of the server at `publicURL`.
    static func consolePage(of request: UUID, under publicURL: String) -> String {
        let base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        return "\(base)/console/requests/\(request.uuidString.lowercased())"
    }
}
