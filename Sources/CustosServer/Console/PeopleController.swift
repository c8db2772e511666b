import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/console/people`: find a person by an exact identifier, and a person's page: their records
/// (only the fields the user's role may read), requests and disclosures. Searching and opening a
/// page are audited; a person out of the user's reach is answered exactly as an unknown one.
struct PeopleController: Sendable {
    let pages: ConsolePages

    /// The search form.
    @Sendable func form(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        return pages.render(.people, searchValues(user, context, kind: nil, value: ""))
    }

    /// A search. The identifier is posted, never put in the address: addresses end up in browser
    /// histories and proxies' logs, and an email address or UPN is personal data.
    @Sendable func search(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let body = try await FormBody.read(request)
        let kinds = Self.identifierKinds(user.vault.policy)
        let kind = body.value("kind").flatMap { asked in kinds.first { $0.value == asked } } ?? kinds.first
        let value = body.value("value")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        var values = searchValues(user, context, kind: kind?.value, value: value)
        guard let kind else { return pages.render(.people, values) }
        guard !value.isEmpty, IdentifierNormaliser.normalise(kind: kind.value, value: value) != nil else {
            let message =
                value.isEmpty
                ? "Enter the \(kind.label.lowercased()) to find" : "Enter a valid \(kind.label.lowercased())"
            values["title"] = "Error: Find a person"
            values["hasProblems"] = true
            values["problems"] = [["field": "value", "message": message]]
            values["valueError"] = message
            return pages.render(.people, values, status: .badRequest)
        }
        let vault = user.vault
        let ids = try await vault.subjectIDs(identifierKind: kind.value, value: value)
        let found = try await vault.subjects(ids, reachableBy: user.access)
        try await vault.audit([user.event("subject.search", detail: "\(found.count) found")])
        let schools = try await schoolNames(vault)
        values["searched"] = true
        values["kindLabel"] = kind.label.lowercased()
        values["results"] = found.map { subject -> [String: Any] in
            [
                "id": subject.id.uuidString.lowercased(), "shortID": Self.shortID(subject.id),
                "kind": PageText.label(subject.kind),
                "school": subject.schoolID.flatMap { schools[$0] } ?? "no school",
                "since": PageText.day(CalendarDay(subject.createdAt, in: CalendarDay.clockTimeZone)),
            ]
        }
        return pages.render(.people, values)
    }

    @Sendable func person(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let text = context.parameters.get("subject"), let id = UUIDText.parse(text),
            let subject = try await user.reachableSubject(id)
        else {
            var values = ConsoleFrame.values(title: "Not found", current: "", user: user, context: context)
            values["heading"] = "No such person"
            values["message"] = "There is no one with that id within your reach."
            return pages.render(.problem, values, status: .notFound)
        }
        let vault = user.vault
        // Every read names its purpose: the one chosen, else the first the role may read for.
        let purposes = try await vault.purposes(of: user.user, .read, about: id)
        let asked = request.uri.queryParameters["purpose"].map(String.init)
        let purpose = asked.flatMap { asked in purposes.first { $0 == asked } } ?? purposes.first
        var values = ConsoleFrame.values(title: "A person", current: "", user: user, context: context)
        var shown: [RecordView] = []
        var statements: [SubjectView.RecordStatement] = []
        var limits: [SubjectView.PurposeLimit]?
        do {
            if let purpose {
                let view = try await vault.read(subject: id, as: user.user, purpose: purpose, reason: "staff console")
                shown = view.records
                statements = view.statements
                limits = view.limits
            }
        } catch let refusal as UseRefusal {
            values["refusal"] = refusal.message
        }
        // What stops the use of their data is shown to everyone who opens the page, before the records.
        let inForce: [SubjectView.PurposeLimit]
        if let limits { inForce = limits } else { inForce = try await Contacts(vault: vault).limits(of: id) }
        values["limits"] = inForce.map { limit -> [String: Any] in
            [
                "purpose": vault.policy.purpose(limit.purpose)?.name ?? limit.purpose,
                "state": limit.state == .restricted
                    ? "Restricted (UK GDPR Art 18): stored only, not used" : "Objected to (UK GDPR Art 21): not used",
                "since": PageText.day(CalendarDay(limit.since, in: CalendarDay.clockTimeZone)),
            ]
        }
        values["id"] = id.uuidString.lowercased()
        values["purposes"] = purposes.map { purposeID -> [String: Any] in
            [
                "value": purposeID, "label": vault.policy.purpose(purposeID)?.name ?? purposeID,
                "selected": purposeID == purpose,
            ]
        }
        values["otherPurposes"] = purposes.count > 1
        // Records about someone already held are added from their page.
        values["addable"] = user.writableTypes.filter { $0.roles.first?.isAboutSomeoneHeld == true }.map {
            type -> [String: Any] in
            ["id": type.id, "name": type.name, "subject": id.uuidString.lowercased()]
        }
        values["kind"] = PageText.label(subject.kind)
        values["shortID"] = Self.shortID(subject.id)
        values["since"] = PageText.day(CalendarDay(subject.createdAt, in: CalendarDay.clockTimeZone))
        values["lastActive"] = PageText.day(CalendarDay(subject.lastActivityAt, in: CalendarDay.clockTimeZone))
        if let schoolID = subject.schoolID { values["school"] = try await schoolNames(vault)[schoolID] }
        let types = Dictionary(vault.policy.recordTypes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        values["records"] = shown.enumerated().map { index, record -> [String: Any] in
            let type = types[record.type]
            let fields = (type?.fields ?? []).filter { record.values[$0.name] != nil }.map { field in
                ["label": field.displayLabel, "value": record.values[field.name] ?? ""]
            }
            return [
                "index": index,
                "title": "\(type?.name ?? record.type) (\(PageText.words(record.role)))",
                "fields": fields,
                "statements": statements.filter { $0.recordID == record.recordID }.map { statement -> [String: Any] in
                    [
                        "text": statement.text,
                        "added": PageText.day(CalendarDay(statement.addedAt, in: CalendarDay.clockTimeZone)),
                    ]
                },
            ]
        }
        values["showsAudit"] = user.may(.viewAudit)
        if user.may(.viewAudit) {
            values["audit"] = try await vault.auditLog.entries(ofSubject: id, in: vault.workspace.id, limit: 50)
                .map { entry -> [String: Any] in
                    [
                        "time": PageText.time(entry.event.time), "actor": entry.event.actor,
                        "action": entry.event.action,
                        "purpose": entry.event.purpose ?? "",
                    ]
                }
        }
        values["showsCasework"] = user.may(.viewRequests)
        if user.may(.viewRequests) {
            values["consents"] = try await Contacts(vault: vault).consents(of: id).reversed().map {
                entry -> [String: Any] in
                [
                    "time": PageText.time(entry.recordedAt),
                    "purpose": (vault.policy.purpose(entry.purpose)?.name ?? entry.purpose)
                        + (entry.list.map { " (\($0))" } ?? ""),
                    "action": PageText.words(entry.action.rawValue), "source": PageText.words(entry.source.rawValue),
                ]
            }
            values["requests"] = try await Requests(vault: vault).list(about: id)
                .map { request -> [String: Any] in
                    [
                        "link": RequestsController.link(request.id),
                        "kind": PageText.label(request.kind.rawValue),
                        "state": PageText.words(request.state.rawValue),
                        "received": PageText.day(request.receivedOn),
                        "due": request.dueOn.map(PageText.day) as Any,
                    ]
                }
            values["disclosures"] = try await Disclosures(vault: vault).list(subject: id)
                .map { disclosure -> [String: Any] in
                    [
                        "day": PageText.day(disclosure.disclosedOn), "recipient": disclosure.recipientName,
                        "awaiting": disclosure.taskID != nil && disclosure.toldOn == nil,
                    ]
                }
        }
        return pages.render(.person, values)
    }

    /// The search page's values: the frame, the scope, the kinds of identifier, what was typed.
    private func searchValues(
        _ user: ConsoleUser, _ context: ConsoleRequestContext, kind: String?, value: String
    ) -> [String: Any] {
        var values = ConsoleFrame.values(
            title: "Find a person", current: "/console/people", user: user, context: context)
        values["scopeNote"] = scopeNote(user)
        values["value"] = value
        let kinds = Self.identifierKinds(user.vault.policy)
        let chosen = kind ?? kinds.first?.value
        values["kinds"] = kinds.map { ["value": $0.value, "label": $0.label, "selected": $0.value == chosen] }
        return values
    }

    private func scopeNote(_ user: ConsoleUser) -> String {
        switch user.role {
        case .schoolLeader: "You find only people of your own school."
        case .trainer: "You find only the attendees of your own events."
        default: ""
        }
    }

    private func schoolNames(_ vault: Vault) async throws -> [UUID: String] {
        Dictionary(
            try await vault.schools().map { ($0.id, $0.name) },
            uniquingKeysWith: { first, _ in first })
    }

    /// The identifier kinds the policy indexes, with labels, email first.
    static func identifierKinds(_ policy: Policy) -> [(value: String, label: String)] {
        var seen: [String] = []
        for field in policy.recordTypes.flatMap(\.fields) {
            // A name within a school finds no one without the school, so it is not offered.
            if let kind = field.identifierKind, field.identifierScope == .workspace, !seen.contains(kind) {
                seen.append(kind)
            }
        }
        let order = ["email", "phone", "upn", "uln"]
        return seen.sorted { (order.firstIndex(of: $0) ?? 99, $0) < (order.firstIndex(of: $1) ?? 99, $1) }.map { kind in
            let label =
                switch kind {
                case "email": "Email address"
                case "phone": "Telephone number"
                case "upn": "UPN"
                case "uln": "ULN"
                default: PageText.label(kind)
                }
            return (kind, label)
        }
    }

    /// The first eight hex digits of an id: enough to tell people apart on a page.
    static func shortID(_ id: UUID) -> String { String(id.uuidString.lowercased().prefix(8)) }
}
