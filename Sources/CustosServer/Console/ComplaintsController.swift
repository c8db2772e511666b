import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/console/registers/complaints`: a complaint about how personal data was handled taken in,
/// acknowledged (within 30 days of receipt, from 19 June 2026) and closed with what was found,
/// each through ``Complaints`` as the command line's `custos complaint` does; and each
/// complaint's page.
struct ComplaintsController: Sendable {
    let pages: ConsolePages

    /// The steps after a complaint is taken in.
    enum Step: String, CaseIterable {
        case acknowledge
        case close

        var heading: String {
            switch self {
            case .acknowledge: "Record the acknowledgement"
            case .close: "Close the complaint"
            }
        }

        /// What the page says once the step is recorded.
        var done: String {
            switch self {
            case .acknowledge: "The acknowledgement is recorded."
            case .close: "The complaint is closed."
            }
        }
    }

    // MARK: Taking one in

    @Sendable func form(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        var values: [String: [String]] = ["received": [CalendarDay.today.iso]]
        // From a request's page: the complaint is about that request.
        if let about = request.uri.queryParameters.get("request").flatMap(UUIDText.parse) {
            values["request"] = [about.uuidString.lowercased()]
        }
        let form = ConsoleForm(Self.receiveFields, values: values)
        return pages.render(Self.receivePage(form), frame: frame("Take in a complaint", user, context))
    }

    @Sendable func receive(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        var form = ConsoleForm(Self.receiveFields, reading: try await FormBody.read(request))
        let summary = form.required("summary", "Say in brief what the complaint is about")
        let channel = form.choice("channel", RequestChannel.self, "Choose how the complaint came")
        let day = form.day("received", label: "The day it was received", empty: nil)
        if form.text("received") == nil { form.fail("received", "Enter the day it was received") }
        var about: StoredRequest?
        if let text = form.text("request") {
            if let id = UUIDText.parse(text), let found = try await Requests(vault: user.vault).request(id) {
                about = found
            } else {
                form.fail("request", "There is no request with that id here: open the form from the request's page")
            }
        }
        guard form.isValid, let summary, let channel, let day else {
            return pages.render(
                Self.receivePage(form), frame: frame("Take in a complaint", user, context), status: .badRequest)
        }
        do {
            let complaint = try await Complaints(vault: user.vault).receive(
                summary: summary, channel: channel, on: day, subject: about?.subjectID, request: about?.id,
                actor: user.actor)
            return SignInController.redirect(Self.link(complaint.id) + "?done=received")
        } catch let error as VaultError {
            form.refused(error)
            return pages.render(
                Self.receivePage(form), frame: frame("Take in a complaint", user, context), status: .badRequest)
        }
    }

    // MARK: A complaint's page

    @Sendable func show(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let complaints = Complaints(vault: user.vault)
        guard let id = context.parameters.get("complaint").flatMap(UUIDText.parse),
            try await complaints.list(includingClosed: true).contains(where: { $0.id == id })
        else { return notFound(user, context) }
        let (complaint, text) = try await complaints.show(id, actor: user.actor)
        let notice: String? =
            switch request.uri.queryParameters.get("done") {
            case "received": "Complaint taken in. Acknowledge it by \(PageText.day(complaint.acknowledgeBy))."
            case let done?: Step(rawValue: done)?.done
            case nil: nil
            }
        let row = RegistersController.row(complaint, today: .today)
        var facts: [CasePage.Row] = [
            .init(question: "Received", answer: "\(PageText.day(complaint.receivedOn)), \(complaint.channel.title)"),
            .init(
                question: "Acknowledge by", answer: row.acknowledgeBy,
                answerClass: row.dueClass.isEmpty ? nil : row.dueClass),
            .init(question: "Acknowledged", answer: row.acknowledged),
        ]
        if let requestID = complaint.requestID {
            facts.append(.init(question: "About request", answer: PeopleController.shortID(requestID)))
        }
        facts.append(
            .init(question: "Taken in by", answer: "\(complaint.recordedBy), \(PageText.time(complaint.recordedAt))"))
        let written = [("What it is about", text.summary), ("What was found and done", text.outcome)]
            .compactMap { question, answer in answer.map { CasePage.Row(question: question, answer: $0) } }
        let page = CasePage(
            notice: notice, caption: "Complaint", heading: "Complaint \(PeopleController.shortID(id))",
            state: complaint.closedOn.map { "closed \(PageText.day($0))" } ?? "open", facts: facts, written: written,
            steps: Self.allowed(complaint).enumerated().map { index, step in
                CasePage.Step(href: Self.link(id) + "/" + step.rawValue, label: step.heading, primary: index == 0)
            })
        return pages.render(page, frame: frame("Complaint \(PeopleController.shortID(id))", user, context))
    }

    // MARK: The steps

    @Sendable func stepForm(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let (complaint, step) = try await complaintAndStep(context, user) else { return notFound(user, context) }
        let form = ConsoleForm(Self.fields(step), values: ["on": [CalendarDay.today.iso]])
        return pages.render(Self.stepPage(step, complaint, form), frame: frame(step.heading, user, context))
    }

    @Sendable func step(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let (complaint, step) = try await complaintAndStep(context, user) else { return notFound(user, context) }
        var form = ConsoleForm(Self.fields(step), reading: try await FormBody.read(request))
        let complaints = Complaints(vault: user.vault)
        let day = form.day(
            "on", label: step == .acknowledge ? "The day it was acknowledged" : "The day it is closed", empty: .today)
        do {
            switch step {
            case .acknowledge:
                if form.isValid, let day { try await complaints.acknowledge(complaint.id, on: day, actor: user.actor) }
            case .close:
                let outcome = form.required("outcome", "Say what was found and what was done")
                if form.isValid, let outcome, let day {
                    try await complaints.close(complaint.id, outcome: outcome, on: day, actor: user.actor)
                }
            }
        } catch let error as VaultError {
            form.refused(error)
        }
        guard form.isValid else {
            return pages.render(
                Self.stepPage(step, complaint, form), frame: frame(step.heading, user, context), status: .badRequest)
        }
        return SignInController.redirect(Self.link(complaint.id) + "?done=\(step.rawValue)")
    }

    // MARK: Pages and questions

    static func link(_ id: UUID) -> String { "/console/registers/complaints/\(id.uuidString.lowercased())" }

    /// The steps an open complaint allows: acknowledging it until it is, and closing it.
    static func allowed(_ complaint: StoredComplaint) -> [Step] {
        guard complaint.isOpen else { return [] }
        return complaint.acknowledgedOn == nil ? [.acknowledge, .close] : [.close]
    }

    private func frame(_ title: String, _ user: ConsoleUser, _ context: ConsoleRequestContext) -> ConsoleFrame {
        ConsoleFrame(title: title, current: "/console/registers", user: user, context: context)
    }

    private func notFound(_ user: ConsoleUser, _ context: ConsoleRequestContext) -> Response {
        pages.problem(
            title: "Not found", heading: "No such complaint",
            message: "There is no open complaint with that id in this workspace.", user: user, context: context,
            status: .notFound)
    }

    private func complaintAndStep(
        _ context: ConsoleRequestContext, _ user: ConsoleUser
    ) async throws -> (StoredComplaint, Step)? {
        guard let id = context.parameters.get("complaint").flatMap(UUIDText.parse),
            let step = context.parameters.get("step").flatMap(Step.init(rawValue:)),
            let complaint = try await Complaints(vault: user.vault).list().first(where: { $0.id == id }),
            Self.allowed(complaint).contains(step)
        else { return nil }
        return (complaint, step)
    }

    private static let receiveFields: [FormField] = [
        FormField(
            "summary", "What the complaint is about, in brief", kind: .longText,
            hint: "Sealed in the register, never in the audit log."),
        FormField(
            "channel", "How did it come?", kind: .radios,
            options: RequestChannel.allCases.map { FormField.Option($0.rawValue, PageText.label($0.title)) }),
        FormField(
            "received", "The day it was received", kind: .date,
            hint: "From 19 June 2026 a complaint is acknowledged within 30 days of the day it is received."),
        FormField(
            "request", "The request it arose from",
            hint: "Filled in when you come from the request's page (Take in a complaint about this request).",
            optional: true),
    ]

    private static func receivePage(_ form: ConsoleForm) -> FormPage {
        form.page(
            heading: "Take in a complaint", action: "/console/registers/complaints/new", submit: "Take it in",
            lede:
                "A complaint about how personal information was handled (DPA 2018 s 164A). The person may still complain to the ICO.",
            back: "/console/registers")
    }

    private static func fields(_ step: Step) -> [FormField] {
        switch step {
        case .acknowledge:
            [FormField("on", "The day it was acknowledged", kind: .date)]
        case .close:
            [
                FormField(
                    "outcome", "What was found, and what was done", kind: .longText,
                    hint: "Sealed. Tell the person the outcome, and of their right to complain to the ICO."),
                FormField("on", "The day it is closed", kind: .date),
            ]
        }
    }

    private static func stepPage(_ step: Step, _ complaint: StoredComplaint, _ form: ConsoleForm) -> FormPage {
        form.page(
            heading: step.heading, action: link(complaint.id) + "/" + step.rawValue,
            submit: step == .close ? "Close the complaint" : "Record it",
            caption: "Complaint \(PeopleController.shortID(complaint.id))",
            warning: step == .close ? "A closed complaint stays in the register; it cannot be reopened." : nil,
            back: link(complaint.id))
    }
}
