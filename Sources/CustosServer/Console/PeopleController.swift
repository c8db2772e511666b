import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/console/people`: find a person by name or by an exact identifier, and a person's page: their records
/// (only the fields the user's role may read), requests and disclosures. Searching and opening a
/// page are audited; a person out of the user's reach is answered exactly as an unknown one.
struct PeopleController: Sendable {
    let pages: ConsolePages

    /// The search form.
    @Sendable func form(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        return pages.render(searchPage(user, kind: nil, value: ""), frame: searchFrame(user, context))
    }

    /// A search, by name or by an identifier. What is typed is posted, never put in the address:
    /// addresses end up in browser histories and proxies' logs, and a name, an email address or a
    /// UPN is personal data.
    @Sendable func search(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let body = try await FormBody.read(request)
        let kinds = Self.searchKinds(user.vault.policy)
        let kind = body.value("kind").flatMap { asked in kinds.first { $0.value == asked } } ?? kinds.first
        let value = body.value("value")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        var page = searchPage(user, kind: kind?.value, value: value)
        let frame = searchFrame(user, context)
        guard let kind else { return pages.render(page, frame: frame) }
        let valid =
            kind.value == Self.nameKind
            ? !DisplayName.words(value).isEmpty && value.count <= 200
            : IdentifierNormaliser.normalise(kind: kind.value, value: value) != nil
        guard !value.isEmpty, valid else {
            let message =
                value.isEmpty
                ? "Enter the \(kind.label.lowercased()) to find" : "Enter a valid \(kind.label.lowercased())"
            page.problems = [PageProblem(field: "value", message)]
            page.valueError = message
            return pages.render(page, frame: frame, status: .badRequest)
        }
        let vault = user.vault
        let found: [StoredSubject]
        if kind.value == Self.nameKind {
            found = try await vault.subjects(
                named: value, reachableBy: user.access, actor: user.actor, limit: Self.resultLimit)
        } else {
            let ids = try await vault.subjectIDs(identifierKind: kind.value, value: value)
            found = try await vault.subjects(ids, reachableBy: user.access)
            try await vault.audit([user.event("subject.search", detail: "\(found.count) found")])
        }
        page.searched = true
        page.kindLabel = kind.label.lowercased()
        page.results = try await Self.rows(found, user: user, reason: "people search results")
        page.more = found.count == Self.resultLimit
        return pages.render(page, frame: frame)
    }

    /// People found, as rows of a list: each with their display name where the door shows it
    /// (read as one audit entry naming them all), their kind, school and first day.
    static func rows(_ found: [StoredSubject], user: ConsoleUser, reason: String) async throws -> [PeoplePage.Person] {
        let names = try await PersonNames.of(found.map(\.id), user: user, reason: reason)
        let schools = try await Self.schoolNames(user.vault)
        return found.map { subject in
            PeoplePage.Person(
                id: subject.id.uuidString.lowercased(), displayName: names[subject.id],
                shortID: Self.shortID(subject.id),
                kind: PageText.label(subject.kind),
                school: subject.schoolID.flatMap { schools[$0] } ?? "no school",
                since: PageText.day(CalendarDay(subject.createdAt, in: CalendarDay.clockTimeZone)))
        }
    }

    @Sendable func person(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let text = context.parameters.get("subject"), let id = UUIDText.parse(text),
            let subject = try await user.reachableSubject(id)
        else {
            return pages.problem(
                title: "Not found", heading: "No such person",
                message: "There is no one with that id within your reach.", user: user, context: context,
                status: .notFound)
        }
        let vault = user.vault
        // Every read names its purpose: the one chosen, else the first the role may read for.
        let purposes = try await vault.purposes(of: user.user, .read, about: id)
        let asked = request.uri.queryParameters["purpose"].map(String.init)
        let purpose = asked.flatMap { asked in purposes.first { $0 == asked } } ?? purposes.first
        var shown: [RecordView] = []
        var statements: [SubjectView.RecordStatement] = []
        var limits: [SubjectView.PurposeLimit]?
        var refusal: String?
        do {
            if let purpose {
                let view = try await vault.read(subject: id, as: user.user, purpose: purpose, reason: "staff console")
                shown = view.records
                statements = view.statements
                limits = view.limits
            }
        } catch let useRefusal as UseRefusal {
            refusal = useRefusal.message
        }
        // What stops the use of their data is shown to everyone who opens the page, before the records.
        let inForce: [SubjectView.PurposeLimit]
        if let limits { inForce = limits } else { inForce = try await Contacts(vault: vault).limits(of: id) }
        let limitItems = inForce.map { limit -> PersonPage.Limit in
            PersonPage.Limit(
                purpose: vault.policy.purpose(limit.purpose)?.name ?? limit.purpose,
                state: limit.state == .restricted
                    ? "Restricted (UK GDPR Art 18): stored only, not used" : "Objected to (UK GDPR Art 21): not used",
                since: PageText.day(CalendarDay(limit.since, in: CalendarDay.clockTimeZone)))
        }
        let purposeOptions = purposes.map { purposeID -> PersonPage.Purpose in
            PersonPage.Purpose(
                value: purposeID, label: vault.policy.purpose(purposeID)?.name ?? purposeID,
                selected: purposeID == purpose)
        }
        // Records about someone already held are added from their page.
        let addable = user.writableTypes.filter { $0.roles.first?.isAboutSomeoneHeld == true }.map {
            type -> PersonPage.Addable in
            PersonPage.Addable(id: type.id, name: type.name, subject: id.uuidString.lowercased())
        }
        var school: String?
        if let schoolID = subject.schoolID { school = try await Self.schoolNames(vault)[schoolID] }
        let types = Dictionary(vault.policy.recordTypes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let records = shown.enumerated().map { index, record -> PersonPage.Record in
            let type = types[record.type]
            let fields = (type?.fields ?? []).filter { record.values[$0.name] != nil }.map {
                field -> PersonPage.Record.Field in
                PersonPage.Record.Field(label: field.displayLabel, value: record.values[field.name] ?? "")
            }
            let recordStatements = statements.filter { $0.recordID == record.recordID }.map {
                statement -> PersonPage.Record.Statement in
                PersonPage.Record.Statement(
                    text: statement.text,
                    added: PageText.day(CalendarDay(statement.addedAt, in: CalendarDay.clockTimeZone)))
            }
            return PersonPage.Record(
                index: index, title: "\(type?.name ?? record.type) (\(PageText.words(record.role)))",
                fields: fields, statements: recordStatements)
        }
        var page = PersonPage(
            notice: Self.notices[request.uri.queryParameters.get("done") ?? ""],
            id: id.uuidString.lowercased(),
            displayName: vault.displayName(of: shown),
            kind: PageText.label(subject.kind),
            shortID: Self.shortID(subject.id),
            since: PageText.day(CalendarDay(subject.createdAt, in: CalendarDay.clockTimeZone)),
            lastActive: PageText.day(CalendarDay(subject.lastActivityAt, in: CalendarDay.clockTimeZone)),
            school: school, limits: limitItems, purposes: purposeOptions, otherPurposes: purposes.count > 1,
            refusal: refusal, addable: addable, records: records,
            keepsRegisters: user.may(.keepRegisters), showsCasework: user.may(.viewRequests),
            showsAudit: user.may(.viewAudit))
        if user.may(.mergePeople) {
            let others = Array(Set(try await vault.possibleDuplicates(of: id).joined()).subtracting([id]))
            let found = try await vault.subjects(others, reachableBy: user.access).sorted {
                ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString)
            }
            page.duplicates = try await Self.rows(found, user: user, reason: "possible duplicates of a person").map {
                PersonPage.Duplicate(person: $0, merge: MergeController.link(page.id, with: $0.id))
            }
        }
        if user.may(.viewAudit) {
            page.audit = try await vault.auditLog.entries(ofSubject: id, in: vault.workspace.id, limit: 50)
                .map { entry -> PersonPage.AuditEntry in
                    PersonPage.AuditEntry(
                        time: PageText.time(entry.event.time), actor: entry.event.actor, action: entry.event.action,
                        purpose: entry.event.purpose ?? "")
                }
        }
        if user.may(.viewRequests) {
            page.consents = try await Contacts(vault: vault).consents(of: id).reversed().map {
                entry -> PersonPage.Consent in
                PersonPage.Consent(
                    time: PageText.time(entry.recordedAt),
                    purpose: (vault.policy.purpose(entry.purpose)?.name ?? entry.purpose)
                        + (entry.list.map { " (\($0))" } ?? ""),
                    action: PageText.words(entry.action.rawValue), source: PageText.words(entry.source.rawValue))
            }
            page.requests = try await Requests(vault: vault).list(about: id).map {
                request -> PersonPage.RequestRow in
                PersonPage.RequestRow(
                    link: RequestsController.link(request.id),
                    kind: PageText.label(request.kind.rawValue),
                    state: PageText.words(request.state.rawValue),
                    received: PageText.day(request.receivedOn),
                    due: request.dueOn.map(PageText.day))
            }
            page.disclosures = try await Disclosures(vault: vault).list(subject: id).map {
                disclosure -> PersonPage.Disclosure in
                PersonPage.Disclosure(
                    day: PageText.day(disclosure.disclosedOn), recipient: disclosure.recipientName,
                    awaiting: disclosure.taskID != nil && disclosure.toldOn == nil)
            }
        }
        return pages.render(page, frame: ConsoleFrame(title: "A person", current: "", user: user, context: context))
    }

    /// The search page's frame.
    private func searchFrame(_ user: ConsoleUser, _ context: ConsoleRequestContext) -> ConsoleFrame {
        ConsoleFrame(title: "Find a person", current: "/console/people", user: user, context: context)
    }

    /// The search page: the scope, the kinds of search, what was typed.
    private func searchPage(_ user: ConsoleUser, kind: String?, value: String) -> PeoplePage {
        let kinds = Self.searchKinds(user.vault.policy)
        let chosen = kind ?? kinds.first?.value
        return PeoplePage(
            scopeNote: scopeNote(user),
            kinds: kinds.map { PeoplePage.Kind(value: $0.value, label: $0.label, selected: $0.value == chosen) },
            value: value)
    }

    private func scopeNote(_ user: ConsoleUser) -> String {
        switch user.role {
        case .schoolLeader: "You find only people of your own school."
        case .trainer: "You find only the attendees of your own events."
        default: ""
        }
    }

    private static func schoolNames(_ vault: Vault) async throws -> [UUID: String] {
        Dictionary(
            try await vault.schools().map { ($0.id, $0.name) },
            uniquingKeysWith: { first, _ in first })
    }

    /// What a search takes: a name, then each identifier kind the policy indexes.
    static func searchKinds(_ policy: Policy) -> [(value: String, label: String)] {
        [(nameKind, "Name")] + identifierKinds(policy)
    }

    /// The search kind of a name (not an identifier kind: those are field names, with no hyphen).
    static let nameKind = "name-words"

    /// How many people a search lists at most.
    static let resultLimit = 100

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

    /// What a page that follows a form says was done, by the address's `done`.
    static let notices = [
        "disclosure": "Disclosure logged.",
        "merge": "Merged: the other record's data is now this person's, and the other record points here.",
    ]

    /// The last eight hex digits of an id: enough to tell people apart on a page. People's ids
    /// begin with the time they were made (``Foundation/UUID/timeOrdered(at:)``), which people
    /// made in the same minute share; the end is random.
    static func shortID(_ id: UUID) -> String { String(id.uuidString.lowercased().suffix(8)) }
}
