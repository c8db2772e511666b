import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/console/requests`: the register of requests, and each request's page, which walks it through
/// its states (the steps its state allows, each a form) and, for an access request, makes the
/// package to send. Every step goes through ``Requests``, which keeps the legal clock and audits.
struct RequestsController: Sendable {
    let pages: ConsolePages

    @Sendable func list(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let today = CalendarDay.today
        let parameters = request.uri.queryParameters
        let query = RequestQuery(
            standing: parameters.get("state").flatMap(RequestQuery.Standing.init(rawValue:)) ?? .open,
            kind: parameters.get("kind").flatMap(RequestKind.init(rawValue:)),
            order: parameters.get("order").flatMap(RequestQuery.Order.init(rawValue:)) ?? .due)
        // A reference a person quoted opens its request.
        let reference = parameters.get("ref")?.trimmingCharacters(in: .whitespaces) ?? ""
        if !reference.isEmpty, let found = try await Requests(vault: user.vault).request(reference: reference) {
            return SignInController.redirect(Self.link(found.id))
        }
        let number = Pager.pageNumber(parameters.get("page"))
        let (found, total) = try await Requests(vault: user.vault).page(
            matching: query, limit: Self.pageSize, offset: number * Self.pageSize)
        var page = RequestsPage(
            requests: found.map { Self.row($0, today: today) }, logsRequests: user.may(.actOnRequests))
        page.standings = [("open", "Open"), ("closed", "Completed or refused"), ("all", "All")].map {
            RequestsPage.Choice(value: $0.0, label: $0.1, selected: query.standing.rawValue == $0.0)
        }
        page.kinds =
            [RequestsPage.Choice(value: "", label: "Every kind", selected: query.kind == nil)]
            + RequestKind.allCases.map {
                RequestsPage.Choice(
                    value: $0.rawValue, label: PageText.label($0.rawValue), selected: query.kind == $0)
            }
        page.orders = [
            ("due", "Most urgent first"), ("newest", "Latest received first"), ("oldest", "Earliest received first"),
        ]
        .map { RequestsPage.Choice(value: $0.0, label: $0.1, selected: query.order.rawValue == $0.0) }
        page.filtered = query != RequestQuery()
        if !reference.isEmpty {
            let message =
                StoredRequest.number(inReference: reference) == nil
                ? "Enter a reference like R-2026-0042" : "No request has the reference \(reference.prefix(20))"
            page.reference = String(reference.prefix(40))
            page.referenceError = message
            page.problems = [PageProblem(field: "ref", message)]
        }
        page.pager = Pager(page: number, pageSize: Self.pageSize, shown: found.count, total: total) { target in
            var items = [URLQueryItem(name: "page", value: String(target))]
            if query.standing != .open { items.append(URLQueryItem(name: "state", value: query.standing.rawValue)) }
            if let kind = query.kind { items.append(URLQueryItem(name: "kind", value: kind.rawValue)) }
            if query.order != .due { items.append(URLQueryItem(name: "order", value: query.order.rawValue)) }
            var components = URLComponents()
            components.queryItems = items
            return "/console/requests?" + (components.percentEncodedQuery ?? "")
        }
        return pages.render(
            page, frame: ConsoleFrame(title: "Requests", current: "/console/requests", user: user, context: context))
    }

    /// How many requests a page of the register lists.
    static let pageSize = 50

    @Sendable func show(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let id = try await requestID(context, user) else { return notFound(user, context) }
        var notice: String?
        if let done = request.uri.queryParameters.get("done") {
            if let action = RequestEvent.Action(rawValue: done) {
                notice = action == .received ? "Request recorded." : "Recorded: \(Self.label(action).lowercased())."
            } else if done == "tied" {
                notice = "The request is tied to the person it is about."
            }
        }
        return try await page(id, user: user, context: context, notice: notice)
    }

    @Sendable func step(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let id = try await requestID(context, user) else { return notFound(user, context) }
        let body = try await FormBody.read(request)
        guard let actionText = body.value("action"), let action = RequestEvent.Action(rawValue: actionText),
            action != .received
        else {
            return try await page(
                id, user: user, context: context, problem: PageProblem("Choose one of the steps shown"),
                status: .badRequest)
        }
        if action == .approved, user.role != .dpo {
            return pages.problem(
                title: "Not allowed", heading: "Only the data protection officer approves",
                message: "Approving a request is the DPO's decision. Ask them to open this request.", user: user,
                context: context, status: .forbidden)
        }
        let reason = body.value("reason")?.trimmingCharacters(in: .whitespacesAndNewlines)
        if Self.needsReason(action), reason?.isEmpty ?? true {
            return try await page(
                id, user: user, context: context,
                problem: PageProblem(field: "reason-\(action.rawValue)", "Give the reason"),
                reasonFor: action, status: .badRequest)
        }
        // A refusal closes the request for good: it is checked before it is recorded.
        if action == .refused, body.value("confirmed") != "yes" {
            let stored = try await Requests(vault: user.vault).request(id)
            return pages.render(
                CheckAnswersPage(
                    caption: stored.map {
                        "\(PageText.label($0.kind.rawValue)) request \(PeopleController.shortID(id))"
                    },
                    heading: "Check before you refuse this request",
                    rows: [.init(question: "Why it is refused", answer: reason ?? "")],
                    warning:
                        "Refusing closes the request, and cannot be undone. Tell the person why, with their right to complain to the ICO.",
                    action: Self.link(id) + "/steps",
                    hidden: [
                        .init(name: "action", value: action.rawValue), .init(name: "reason", value: reason ?? ""),
                    ],
                    submit: "Refuse the request", back: Self.link(id)),
                frame: ConsoleFrame(
                    title: "Check before you refuse", current: "/console/requests", user: user, context: context))
        }
        do {
            try await Requests(vault: user.vault).record(
                action, request: id, on: .today, reason: reason?.isEmpty == true ? nil : reason, actor: user.actor)
        } catch let error as VaultError {
            return try await page(
                id, user: user, context: context, problem: PageProblem(error.message), status: .conflict)
        }
        return SignInController.redirect(Self.link(id) + "?done=\(action.rawValue)")
    }

    @Sendable func carryOut(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let id = try await requestID(context, user),
            let stored = try await Requests(vault: user.vault).request(id)
        else { return notFound(user, context) }
        let body = try await FormBody.read(request)
        // An erasure cannot be undone: what it erases is shown, and confirmed, first.
        if stored.kind == .erasure, body.value("confirmed") != "yes" {
            guard let ground = body.value("ground").flatMap(ErasureGround.init(rawValue:)) else {
                return try await page(
                    id, user: user, context: context,
                    problem: PageProblem(field: "erasure-ground", "Choose the ground for erasure"),
                    status: .badRequest)
            }
            guard try await Requests(vault: user.vault).mayCarryOut(id, on: .today) else {
                return try await page(
                    id, user: user, context: context,
                    problem: PageProblem("The request cannot be carried out now: its state does not let it complete"),
                    status: .conflict)
            }
            let assessment: ErasureAssessment
            do {
                assessment = try await Erasures(vault: user.vault).assess(request: id, on: .today)
            } catch let error as VaultError {
                return try await page(
                    id, user: user, context: context, problem: PageProblem(ConsoleForm.sentence(error.message)),
                    status: .conflict)
            }
            let items = RequestCarryOut.erasureItems(assessment)
            return pages.render(
                CheckAnswersPage(
                    caption: "Erasure request \(PeopleController.shortID(id))",
                    heading: "Check what will be erased",
                    rows: [.init(question: "Ground", answer: RequestCarryOut.label(ground))]
                        + items.map { .init(question: "\($0.typeName) (\($0.count))", answer: $0.outcome) },
                    warning:
                        "Erasing cannot be undone. The records marked erased are destroyed, and the request is completed.",
                    action: Self.link(id) + "/carry-out", hidden: [.init(name: "ground", value: ground.rawValue)],
                    submit: "Erase, and complete the request", back: Self.link(id)),
                frame: ConsoleFrame(
                    title: "Check what will be erased", current: "/console/requests", user: user, context: context))
        }
        // Refusing a correction closes the request too: the reasons the person is told are checked first.
        if stored.kind == .rectification, body.value("refuse") == "yes", body.value("confirmed") != "yes",
            let reasons = body.value("reasons")?.trimmingCharacters(in: .whitespacesAndNewlines), !reasons.isEmpty,
            let record = body.value("record")
        {
            let statement = body.value("statement")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return pages.render(
                CheckAnswersPage(
                    caption: "Correction request \(PeopleController.shortID(id))",
                    heading: "Check before you refuse the correction",
                    rows: [
                        .init(question: "Why it is refused", answer: reasons),
                        .init(
                            question: "Their statement, attached to the record",
                            answer: statement.isEmpty ? "None" : statement),
                    ],
                    warning:
                        "Refusing closes the request, and cannot be undone. The person is told why, with their right to complain to the ICO.",
                    action: Self.link(id) + "/carry-out",
                    hidden: [
                        .init(name: "record", value: record), .init(name: "refuse", value: "yes"),
                        .init(name: "reasons", value: reasons), .init(name: "statement", value: statement),
                    ],
                    submit: "Refuse the correction", back: Self.link(id)),
                frame: ConsoleFrame(
                    title: "Check before you refuse the correction", current: "/console/requests", user: user,
                    context: context))
        }
        do {
            try await RequestCarryOut(user: user).carryOut(body, request: stored)
        } catch let problem as RequestCarryOut.Problem {
            return try await page(
                id, user: user, context: context, problem: PageProblem(ConsoleForm.sentence(problem.message)),
                status: .badRequest)
        } catch let error as VaultError {
            return try await page(
                id, user: user, context: context, problem: PageProblem(ConsoleForm.sentence(error.message)),
                status: error.kind == .invalid ? .badRequest : .conflict)
        }
        return SignInController.redirect(Self.link(id) + "?done=\(RequestEvent.Action.completed.rawValue)")
    }

    /// Ties a request to the person it is about: found by an identifier (the candidates to choose
    /// from when several have it), or chosen among them.
    @Sendable func link(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let id = try await requestID(context, user) else { return notFound(user, context) }
        let body = try await FormBody.read(request)
        let vault = user.vault
        guard let stored = try await Requests(vault: vault).request(id), !stored.state.isClosed else {
            return try await page(
                id, user: user, context: context, problem: PageProblem("A closed request is not tied to anyone now"),
                status: .conflict)
        }
        var found: [StoredSubject] = []
        if let chosen = body.value("subject").flatMap(UUIDText.parse) {
            found = try await user.reachableSubject(chosen).map { [$0] } ?? []
        } else {
            let kinds = PeopleController.identifierKinds(vault.policy)
            let kind = body.value("kind").flatMap { asked in kinds.first { $0.value == asked } } ?? kinds.first
            let value = body.value("value")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard let kind, !value.isEmpty, IdentifierNormaliser.normalise(kind: kind.value, value: value) != nil else {
                return try await page(
                    id, user: user, context: context,
                    problem: PageProblem(
                        field: "link-value", "Enter the identifier of the person the request is about"),
                    linkError: "Enter the identifier of the person the request is about", status: .badRequest)
            }
            found = try await vault.subjects(
                try await vault.subjectIDs(identifierKind: kind.value, value: value), reachableBy: user.access)
            try await vault.audit([user.event("subject.search", detail: "\(found.count) found, to tie request \(id)")])
        }
        guard !found.isEmpty else {
            let message = "No one within your reach has that identifier"
            return try await page(
                id, user: user, context: context, problem: PageProblem(field: "link-value", message),
                linkError: message,
                status: .badRequest)
        }
        guard found.count == 1 else {
            return try await page(id, user: user, context: context, candidates: found)
        }
        do {
            _ = try await Requests(vault: vault).tie(id, to: found[0].id, actor: user.actor)
        } catch let error as VaultError {
            return try await page(
                id, user: user, context: context, problem: PageProblem(ConsoleForm.sentence(error.message)),
                status: .conflict)
        }
        return SignInController.redirect(Self.link(id) + "?done=tied")
    }

    @Sendable func package(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let id = try await requestID(context, user) else { return notFound(user, context) }
        guard let stored = try await Requests(vault: user.vault).request(id),
            Self.mayPackage(stored.state)
        else {
            return try await page(
                id, user: user, context: context,
                problem: PageProblem("Verify the requester's identity before making their package"), status: .conflict)
        }
        let zip: Data
        do {
            zip = try await Requests(vault: user.vault).package(id, actor: user.actor)
        } catch let error as VaultError {
            return try await page(
                id, user: user, context: context, problem: PageProblem(ConsoleForm.sentence(error.message)),
                status: .conflict)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/zip", .cacheControl: "no-store",
                .contentDisposition:
                    "attachment; filename=\"access-package-\(id.uuidString.lowercased().prefix(8)).zip\"",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: zip)))
    }

    // MARK: The page

    private func page(
        _ id: UUID, user: ConsoleUser, context: ConsoleRequestContext, notice: String? = nil,
        problem: PageProblem? = nil, reasonFor: RequestEvent.Action? = nil, linkError: String? = nil,
        candidates: [StoredSubject] = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let requests = Requests(vault: user.vault)
        let today = CalendarDay.today
        let (stored, events, deadline) = try await requests.show(id, asOf: today)
        let frame = ConsoleFrame(
            title: "\(PageText.label(stored.kind.rawValue)) request", current: "/console/requests", user: user,
            context: context)
        let acts = user.may(.actOnRequests)
        let due = deadline?.due ?? stored.dueOn
        var personLink: String?
        if let subject = stored.subjectID, try await user.reachableSubject(subject) != nil, user.may(.findPeople) {
            personLink = "/console/people/\(subject.uuidString.lowercased())"
        }
        // Who asked is opened only for those who act on requests, and only on the request's own page.
        let requester =
            acts
            ? try await requests.requester(of: id, actor: user.actor).map { found in
                Self.requester(
                    found.asked, channel: stored.channel, confirmedAt: found.confirmedAt, linkSentAt: found.linkSentAt)
            } : nil
        var page = RequestPage(
            notice: notice, problems: problem.map { [$0] } ?? [],
            kind: PageText.label(stored.kind.rawValue), requestReference: stored.reference,
            state: PageText.words(stored.state.rawValue), received: PageText.day(stored.receivedOn),
            channel: stored.channel.title, reference: stored.kind.reference,
            due: due.map(PageText.day) ?? Self.waitText(stored.clockWaitsFor), dueWarning: deadline?.warning,
            feeGround: stored.feeGround.map { "Fee charged because \($0.plainEnglish) (\($0.reference))" },
            left: stored.state.isClosed ? nil : due.map { PageText.left(to: $0, from: today) },
            dueClass: stored.state.isClosed ? "" : PageText.dueClass(due, from: today),
            requester: requester, personLink: personLink, acts: acts,
            carryOutAction: Self.link(id) + "/carry-out", stepAction: Self.link(id) + "/steps",
            events: events.map { event in
                RequestPage.Event(
                    day: PageText.day(event.day), action: Self.label(event.action), actor: event.actor,
                    reason: event.reason ?? "")
            })
        if user.may(.keepRegisters) {
            page.complaintLink = "/console/registers/complaints/new?request=\(id.uuidString.lowercased())"
        }
        if acts, stored.subjectID == nil, !stored.state.isClosed, user.may(.findPeople) {
            page.linkAction = Self.link(id) + "/link"
            page.identifierKinds = PeopleController.identifierKinds(user.vault.policy).map {
                RequestPage.Choice(value: $0.value, label: $0.label)
            }
            page.linkError = linkError
            let schools = try await user.vault.schools()
            page.candidates = candidates.map { subject in
                let school = subject.schoolID.flatMap { id in schools.first { $0.id == id }?.name }
                return RequestPage.Candidate(
                    id: subject.id.uuidString.lowercased(),
                    label: "\(PageText.label(subject.kind)) \(PeopleController.shortID(subject.id))"
                        + (school.map { ", \($0)" } ?? ""))
            }
        }
        if acts, [.access, .educationalRecord].contains(stored.kind), stored.subjectID != nil,
            Self.mayPackage(stored.state)
        {
            page.packageLink = Self.link(id) + "/package.zip"
        }
        guard acts else { return pages.render(page, frame: frame, status: status) }
        // An erasure, a correction, a restriction or an objection is completed by carrying it out.
        page.carryOut = try await RequestCarryOut(user: user).values(for: stored)
        let steps = try await requests.nextSteps(id, on: today).filter { $0 != .approved || user.role == .dpo }
            .map { action in
                RequestPage.Step(
                    action: action.rawValue, label: Self.label(action), needsReason: Self.needsReason(action),
                    reasonLabel: Self.reasonLabel(action),
                    reasonError: action == reasonFor ? problem?.message : nil,
                    buttonClass: action == .refused ? "warning" : Self.forward.contains(action) ? nil : "secondary")
            }
        // What moves the request on comes first; while it is carried out, carrying it out does.
        let forward =
            page.carryOut == nil
            ? Self.forward.lazy.compactMap { action in steps.first { $0.action == action.rawValue } }.first : nil
        page.next = forward
        page.otherSteps = steps.filter { $0.action != forward?.action }
        return pages.render(page, frame: frame, status: status)
    }

    /// The steps that move a request on, in the order they come: the one a request's state allows
    /// first is what comes next. The rest (asking, extending, refusing) are there when needed.
    private static let forward: [RequestEvent.Action] = [
        .verified, .feeReceived, .clarificationReceived, .approved, .completed, .submittedForApproval,
    ]

    /// Who made the request, as the page says it.
    private static func requester(
        _ asked: PublicRequest, channel: RequestChannel, confirmedAt: Date?, linkSentAt: Date?
    ) -> RequestPage.Requester {
        let identity: String
        if channel == .web {
            identity =
                confirmedAt.map { "Email address confirmed \(PageText.time($0)); who they are is checked by staff" }
                ?? (linkSentAt == nil
                    ? "Confirmation link not yet sent" : "Confirmation link sent; not yet followed")
        } else {
            identity = asked.identityCheck.map { "Checked: \($0)" } ?? "Not yet checked"
        }
        return RequestPage.Requester(
            name: asked.name, contacts: [asked.email, asked.telephone].compactMap { $0 },
            address: asked.postalAddress,
            forWhom: asked.onBehalf.map { "\($0.theirName) (the requester is their \($0.relationship))" },
            competence: asked.onBehalf.map(\.competence), identity: identity, details: asked.details)
    }

    /// The request id in the path, if it names a request of the user's workspace.
    private func requestID(_ context: ConsoleRequestContext, _ user: ConsoleUser) async throws -> UUID? {
        guard let text = context.parameters.get("request"), let id = UUIDText.parse(text),
            try await Requests(vault: user.vault).request(id) != nil
        else { return nil }
        return id
    }

    private func notFound(_ user: ConsoleUser, _ context: ConsoleRequestContext) -> Response {
        pages.problem(
            title: "Not found", heading: "No such request",
            message: "There is no request with that id in this workspace.",
            user: user, context: context, status: .notFound)
    }

    /// Whether a package may be made in `state`: not before the requester's identity is verified
    /// (nobody's data goes to someone who only says they are them), and not once refused.
    static func mayPackage(_ state: RequestState) -> Bool {
        state != .awaitingVerification && state != .refused
    }

    /// A request as a row of a table of requests: what, how it came, its state and its deadline.
    static func row(_ request: StoredRequest, today: CalendarDay) -> RequestsPage.Row {
        RequestsPage.Row(
            link: link(request.id), reference: request.reference,
            kind: PageText.label(request.kind.rawValue),
            channel: PageText.words(request.channel.rawValue),
            state: PageText.words(request.state.rawValue),
            received: PageText.day(request.receivedOn),
            due: request.dueOn.map(PageText.day) ?? Self.waitText(request.clockWaitsFor),
            left: request.dueOn.map { PageText.left(to: $0, from: today) }
                ?? (request.clockWaitsFor == .schoolCalendar ? "Add the next term to the school calendar" : ""),
            dueClass: request.clockWaitsFor == .schoolCalendar
                ? "overdue" : PageText.dueClass(request.dueOn, from: today))
    }

    /// Why a request has no due date, as its row says it.
    static func waitText(_ wait: RequestClockWait?) -> String {
        switch wait {
        case .identity: "Clock not started: identity awaited"
        case .fee: "Clock not started: fee awaited"
        case .schoolCalendar: "Clock running: school calendar needed"
        case nil: "No date"
        }
    }

    static func link(_ id: UUID) -> String { "/console/requests/\(id.uuidString.lowercased())" }

    static func needsReason(_ action: RequestEvent.Action) -> Bool {
        [.extended, .refused, .approved].contains(action)
    }

    /// A step as a button says it.
    static func label(_ action: RequestEvent.Action) -> String {
        switch action {
        case .received: "Received"
        case .verified: "Identity verified"
        case .feeReceived: "Fee received"
        case .clarificationAsked: "Asked the person to clarify"
        case .clarificationReceived: "Clarification received"
        case .extended: "Extend by two months"
        case .submittedForApproval: "Submit to the DPO for approval"
        case .approved: "Approve"
        case .refused: "Refuse"
        case .completed: "Completed: the answer was sent"
        }
    }

    private static func reasonLabel(_ action: RequestEvent.Action) -> String {
        switch action {
        case .extended: "Why more time is needed (the person must be told within the first month)"
        case .refused: "Why it is refused (the person is told, with their right to complain to the ICO)"
        case .approved: "Why it is approved"
        default: "Reason"
        }
    }
}
