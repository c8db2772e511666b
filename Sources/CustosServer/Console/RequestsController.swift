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
        var values = ConsoleFrame.values(title: "Requests", current: "/console/requests", user: user, context: context)
        let today = CalendarDay.today
        values["requests"] = try await Requests(vault: user.vault).list().map { Self.row($0, today: today) }
        return pages.render(.requests, values)
    }

    @Sendable func show(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let id = try await requestID(context, user) else { return notFound(user, context) }
        var notice: String?
        if let done = request.uri.queryParameters.get("done"), let action = RequestEvent.Action(rawValue: done) {
            notice = "Recorded: \(Self.label(action).lowercased())."
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
                id, user: user, context: context, problem: ("", "Choose one of the steps shown"), status: .badRequest)
        }
        if action == .approved, user.role != .dpo {
            var values = ConsoleFrame.values(title: "Not allowed", current: "", user: user, context: context)
            values["heading"] = "Only the data protection officer approves"
            values["message"] = "Approving a request is the DPO's decision. Ask them to open this request."
            return pages.render(.problem, values, status: .forbidden)
        }
        let reason = body.value("reason")?.trimmingCharacters(in: .whitespacesAndNewlines)
        if Self.needsReason(action), reason?.isEmpty ?? true {
            return try await page(
                id, user: user, context: context, problem: ("reason-\(action.rawValue)", "Give the reason"),
                reasonFor: action, status: .badRequest)
        }
        do {
            try await Requests(vault: user.vault).record(
                action, request: id, on: .today, reason: reason?.isEmpty == true ? nil : reason, actor: user.actor)
        } catch let error as VaultError {
            return try await page(id, user: user, context: context, problem: ("", error.message), status: .conflict)
        }
        return SignInController.redirect(Self.link(id) + "?done=\(action.rawValue)")
    }

    @Sendable func carryOut(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let id = try await requestID(context, user),
            let stored = try await Requests(vault: user.vault).request(id)
        else { return notFound(user, context) }
        let body = try await FormBody.read(request)
        do {
            try await RequestCarryOut(user: user).carryOut(body, request: stored)
        } catch let problem as RequestCarryOut.Problem {
            return try await page(
                id, user: user, context: context, problem: ("", problem.message), status: .badRequest)
        } catch let error as VaultError {
            return try await page(
                id, user: user, context: context, problem: ("", error.message),
                status: error.kind == .invalid ? .badRequest : .conflict)
        }
        return SignInController.redirect(Self.link(id) + "?done=\(RequestEvent.Action.completed.rawValue)")
    }

    @Sendable func package(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let id = try await requestID(context, user) else { return notFound(user, context) }
        guard let stored = try await Requests(vault: user.vault).request(id),
            Self.mayPackage(stored.state)
        else {
            return try await page(
                id, user: user, context: context,
                problem: ("", "Verify the requester's identity before making their package"), status: .conflict)
        }
        let zip: Data
        do {
            zip = try await Requests(vault: user.vault).package(id, actor: user.actor)
        } catch let error as VaultError {
            return try await page(id, user: user, context: context, problem: ("", error.message), status: .conflict)
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
        problem: (field: String, message: String)? = nil, reasonFor: RequestEvent.Action? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let requests = Requests(vault: user.vault)
        let today = CalendarDay.today
        let (stored, events, deadline) = try await requests.show(id, asOf: today)
        var values = ConsoleFrame.values(
            title: "\(PageText.label(stored.kind.rawValue)) request", current: "/console/requests", user: user,
            context: context)
        values["notice"] = notice
        if let problem {
            values["title"] = "Error: \(values["title"] ?? "")"
            values["hasProblems"] = true
            values["problems"] = [
                problem.field.isEmpty
                    ? ["message": problem.message] : ["field": problem.field, "message": problem.message]
            ]
        }
        values["kind"] = PageText.label(stored.kind.rawValue)
        values["shortID"] = PeopleController.shortID(id)
        values["state"] = PageText.words(stored.state.rawValue)
        values["received"] = PageText.day(stored.receivedOn)
        values["channel"] = PageText.words(stored.channel.rawValue)
        values["reference"] = stored.kind.reference
        let due = deadline?.due ?? stored.dueOn
        values["due"] = due.map(PageText.day) ?? Self.waitText(stored.clockWaitsFor)
        values["dueWarning"] = deadline?.warning
        values["feeGround"] = stored.feeGround.map { "Fee charged because \($0.plainEnglish) (\($0.reference))" }
        values["left"] = stored.state.isClosed ? nil : due.map { PageText.left(to: $0, from: today) }
        values["dueClass"] = stored.state.isClosed ? "" : PageText.dueClass(due, from: today)
        if let subject = stored.subjectID, try await user.reachableSubject(subject) != nil, user.may(.findPeople) {
            values["personLink"] = "/console/people/\(subject.uuidString.lowercased())"
        }
        let acts = user.may(.actOnRequests)
        values["acts"] = acts
        if acts, [.access, .educationalRecord].contains(stored.kind), stored.subjectID != nil,
            Self.mayPackage(stored.state)
        {
            values["packageLink"] = Self.link(id) + "/package.zip"
        }
        let formToken = context.sessions.session?.formToken ?? ""
        let steps =
            acts ? try await requests.nextSteps(id, on: today).filter { $0 != .approved || user.role == .dpo } : []
        // An erasure, a correction, a restriction or an objection is completed by carrying it out.
        if acts, let carryOut = try await RequestCarryOut(user: user).values(for: stored) {
            values["carryOut"] = carryOut
            values["carryOutAction"] = Self.link(id) + "/carry-out"
        }
        values["steps"] = steps.map { action -> [String: Any] in
            var step: [String: Any] = [
                "action": action.rawValue, "label": Self.label(action), "stepAction": Self.link(id) + "/steps",
                "formToken": formToken, "needsReason": Self.needsReason(action),
                "reasonLabel": Self.reasonLabel(action),
                "buttonClass": action == .refused ? "warning" : action == .completed ? "" : "secondary",
            ]
            if action == reasonFor, let problem { step["reasonError"] = problem.message }
            return step
        }
        values["events"] = events.map { event -> [String: Any] in
            [
                "day": PageText.day(event.day), "action": Self.label(event.action), "actor": event.actor,
                "reason": event.reason ?? "",
            ]
        }
        return pages.render(.request, values, status: status)
    }

    /// The request id in the path, if it names a request of the user's workspace.
    private func requestID(_ context: ConsoleRequestContext, _ user: ConsoleUser) async throws -> UUID? {
        guard let text = context.parameters.get("request"), let id = UUIDText.parse(text),
            try await Requests(vault: user.vault).request(id) != nil
        else { return nil }
        return id
    }

    private func notFound(_ user: ConsoleUser, _ context: ConsoleRequestContext) -> Response {
        var values = ConsoleFrame.values(title: "Not found", current: "", user: user, context: context)
        values["heading"] = "No such request"
        values["message"] = "There is no request with that id in this workspace."
        return pages.render(.problem, values, status: .notFound)
    }

    /// Whether a package may be made in `state`: not before the requester's identity is verified
    /// (nobody's data goes to someone who only says they are them), and not once refused.
    static func mayPackage(_ state: RequestState) -> Bool {
        state != .awaitingVerification && state != .refused
    }

    /// A request as a row of a table of requests: what, how it came, its state and its deadline.
    static func row(_ request: StoredRequest, today: CalendarDay) -> [String: Any] {
        [
            "link": link(request.id),
            "kind": PageText.label(request.kind.rawValue),
            "channel": PageText.words(request.channel.rawValue),
            "state": PageText.words(request.state.rawValue),
            "received": PageText.day(request.receivedOn),
            "due": request.dueOn.map(PageText.day) ?? Self.waitText(request.clockWaitsFor),
            "left": request.dueOn.map { PageText.left(to: $0, from: today) }
                ?? (request.clockWaitsFor == .schoolCalendar ? "Add the next term to the school calendar" : ""),
            "dueClass": request.clockWaitsFor == .schoolCalendar
                ? "overdue" : PageText.dueClass(request.dueOn, from: today),
        ]
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
