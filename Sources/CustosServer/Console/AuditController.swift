import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/console/audit`: whether the audit chain verifies (each view checks what was written since
/// this server last checked the whole chain; the whole chain on asking), and the workspace's
/// entries, newest first, a page at a time, filtered in the database by person, actor, action and
/// dates, with a CSV of every entry the filters match. Viewing and downloading are audited.
struct AuditController: Sendable {
    let pages: ConsolePages
    let installation: Installation

    /// How many entries a page shows.
    static let pageSize = 50
    /// How many entries a CSV reads at a time.
    static let csvPageSize = 1_000

    /// The filters of a view or a download, read from the address, with what is wrong with them.
    struct Filters {
        var query = AuditQuery()
        var person = ""
        var actor = ""
        var action = ""
        var from = ""
        var to = ""
        var personError: String?
        var fromError: String?
        var toError: String?

        /// The filters of `parameters`; `actors` names the log's actor for each choice of who.
        init(_ parameters: [String: String], actors: [String: String]) {
            person = parameters["person"]?.trimmingCharacters(in: .whitespaces) ?? ""
            actor = parameters["actor"] ?? ""
            action = parameters["action"] ?? ""
            from = parameters["from"] ?? ""
            to = parameters["to"] ?? ""
            if !person.isEmpty {
                if let id = UUIDText.parse(person) {
                    query.subjectID = id
                } else {
                    personError = "Enter a person's full id, as the link from their page gives it"
                }
            }
            if !actor.isEmpty {
                // A choice that names no one (an account since removed) matches no entry.
                query.actor = actors[actor] ?? "\u{0}none"
            }
            if !action.isEmpty { query.action = action }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = CalendarDay.clockTimeZone
            func start(of text: String) -> Date? {
                guard let day = CalendarDay(iso: text) else { return nil }
                let (year, month, dayOfMonth) = day.components
                return calendar.date(from: DateComponents(year: year, month: month, day: dayOfMonth))
            }
            if !from.isEmpty {
                if let date = start(of: from) {
                    query.from = date
                } else {
                    fromError = "Enter the first day as a real date, like 2026-12-05"
                }
            }
            if !to.isEmpty {
                if let day = CalendarDay(iso: to), let date = start(of: day.adding(days: 1).iso) {
                    query.until = date
                } else {
                    toError = "Enter the last day as a real date, like 2026-12-05"
                }
            }
            if let from = query.from, let until = query.until, until <= from {
                toError = "The last day must be the same as the first day or after it"
                query.until = nil
            }
            query.before = parameters["before"].flatMap(Int64.init)
        }

        var isValid: Bool { personError == nil && fromError == nil && toError == nil }
        var isFiltered: Bool { !person.isEmpty || !actor.isEmpty || !action.isEmpty || !from.isEmpty || !to.isEmpty }

        /// The address with these filters, and `extra`.
        func link(_ path: String, _ extra: [(String, String)] = []) -> String {
            let items =
                [("person", person), ("actor", actor), ("action", action), ("from", from), ("to", to)]
                .filter { !$0.1.isEmpty } + extra
            guard !items.isEmpty else { return path }
            var components = URLComponents()
            components.queryItems = items.map { URLQueryItem(name: $0.0, value: $0.1) }
            return path + "?" + (components.percentEncodedQuery ?? "")
        }
    }

    @Sendable func show(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let log = user.vault.auditLog
        let parameters = Self.parameters(request)
        let incremental = parameters["verify"] != "all"
        let report = try await log.verify(incremental: incremental)
        let choices = try await actorChoices(user)
        let filters = Filters(
            parameters, actors: Dictionary(choices.map { ($0.value, $0.actor) }, uniquingKeysWith: { a, _ in a }))
        let workspace = user.vault.workspace.id
        var entries: [AuditEntry] = []
        var matched = 0
        if filters.isValid {
            entries = try await log.entries(in: workspace, matching: filters.query, limit: Self.pageSize)
            matched = try await log.count(in: workspace, matching: filters.query)
        }
        let families = Self.families
        let page = AuditPage(
            intact: report.failure == nil, verified: report.verified,
            incremental: report.resumedFrom != nil && report.failure == nil,
            keyedFrom: report.keyedFrom.map { Int($0) }, anchoredAt: report.anchor.map { Int($0.sequence) },
            failure: report.failure.map { "The first break is at \($0)" },
            problems: [
                filters.personError.map { PageProblem(field: "person", $0) },
                filters.fromError.map { PageProblem(field: "from", $0) },
                filters.toError.map { PageProblem(field: "to", $0) },
            ].compactMap { $0 },
            person: filters.person,
            actors: [AuditPage.Choice(value: "", label: "Anyone", selected: filters.actor.isEmpty)]
                + choices.map {
                    AuditPage.Choice(value: $0.value, label: $0.label, selected: filters.actor == $0.value)
                },
            actions: [AuditPage.Choice(value: "", label: "Anything", selected: filters.action.isEmpty)]
                + families.map { AuditPage.Choice(value: $0.0, label: $0.1, selected: filters.action == $0.0) },
            from: filters.from, to: filters.to, personError: filters.personError, fromError: filters.fromError,
            toError: filters.toError,
            matched: matched >= 10_000
                ? "10,000 or more entries" : "\(matched.formatted()) entr\(matched == 1 ? "y" : "ies")",
            filtered: filters.isFiltered,
            entries: entries.map { entry in
                let subject = entry.event.subjectID
                return AuditPage.Entry(
                    sequence: Int(entry.sequence), time: PageText.time(entry.event.time), actor: entry.event.actor,
                    action: entry.event.action, purpose: entry.event.purpose ?? "",
                    personLink: subject.map { "/console/people/\($0.uuidString.lowercased())" },
                    person: subject.map { PeopleController.shortID($0) }
                        ?? (entry.event.shown.isEmpty
                            ? nil
                            : "\(entry.event.shown.count) \(entry.event.shown.count == 1 ? "person" : "people") shown"))
            },
            older: entries.count == Self.pageSize
                ? entries.last.map { filters.link("/console/audit", [("before", String($0.sequence))]) } : nil,
            newest: filters.query.before == nil ? nil : filters.link("/console/audit"),
            csv: filters.link("/console/audit.csv"))
        try await user.vault.audit([
            user.event(
                "audit.view",
                detail:
                    "audit log viewed\(filters.isFiltered ? " (filtered)" : "")\(incremental ? "" : "; whole chain verified")"
            )
        ])
        return pages.render(
            page, frame: ConsoleFrame(title: "Audit log", current: "/console/audit", user: user, context: context),
            status: filters.isValid ? .ok : .badRequest)
    }

    /// Every entry the filters match, as CSV, written a page at a time as it is read.
    @Sendable func csv(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let choices = try await actorChoices(user)
        let filters = Filters(
            Self.parameters(request),
            actors: Dictionary(choices.map { ($0.value, $0.actor) }, uniquingKeysWith: { a, _ in a }))
        guard filters.isValid else {
            return pages.problem(
                title: "Cannot download", heading: "Those filters cannot be used",
                message: [filters.personError, filters.fromError, filters.toError].compactMap { $0 }.joined(
                    separator: ". ") + ".", user: user, context: context, status: .badRequest)
        }
        let vault = user.vault
        try await vault.audit([
            user.event("audit.export", detail: "audit log downloaded\(filters.isFiltered ? " (filtered)" : "")")
        ])
        let log = vault.auditLog
        let workspace = vault.workspace.id
        var query = filters.query
        query.before = nil
        let first = query
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: AuditLog.csvHeading))
            var query = first
            while true {
                let page = try await log.entries(in: workspace, matching: query, limit: Self.csvPageSize)
                guard let last = page.last else { break }
                try await writer.write(ByteBuffer(string: try AuditLog.csvRows(page)))
                guard page.count == Self.csvPageSize else { break }
                query.before = last.sequence
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                .contentDisposition:
                    "attachment; filename=\"audit-\(vault.workspace.name)-\(CalendarDay.today.iso).csv\"",
            ],
            body: body)
    }

    /// Whom the log may be filtered by: the workspace's staff, each by their account's id (no
    /// email address goes in a page's address), and the privacy centre and the system.
    private func actorChoices(_ user: ConsoleUser) async throws -> [(value: String, label: String, actor: String)] {
        let accounts = try await installation.staffUsers().accounts(in: user.vault.workspace)
            .sorted { $0.name.localizedCaseInsensitiveCompare($1.name) == .orderedAscending }
        return accounts.map { account in
            (
                account.id.uuidString.lowercased(), "\(account.name) (\(ConsoleFrame.roleName(account.role)))",
                account.actor
            )
        } + [("privacy-centre", "The privacy centre", "privacy centre"), ("system", "The system", "system")]
    }

    /// The address's query parameters, each once.
    private static func parameters(_ request: Request) -> [String: String] {
        var parameters: [String: String] = [:]
        for (name, value) in request.uri.queryParameters {
            parameters[String(name)] = parameters[String(name)] ?? String(value)
        }
        return parameters
    }

    /// The families of actions the filter offers, by their prefix.
    static let families: [(String, String)] = [
        ("subject.", "People read or searched for"),
        ("record.", "Records added, changed or erased"),
        ("access.", "Uses refused by the policy"),
        ("consent.", "Consent given or withdrawn"),
        ("request.", "Requests and their steps"),
        ("breach.", "Breaches"),
        ("complaint.", "Complaints"),
        ("disclosure.", "Disclosures"),
        ("hold.", "Legal holds"),
        ("retention.", "Retention"),
        ("task.", "Tasks"),
        ("registration.", "Registrations"),
        ("school.", "Schools"),
        ("calendar.", "The school calendar and bank holidays"),
        ("suppression.", "The suppression list"),
        ("message.", "Messages"),
        ("import.", "Imports"),
        ("user.", "Staff accounts and sign-ins"),
        ("token.", "API tokens"),
        ("policy.", "The policy"),
        ("audit.", "The audit log itself"),
    ]
}
