import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/console/registers/breaches`: a breach logged, reported to the ICO (or the decision not to),
/// the people told (or the Art 34(3) ground), and closed, each through ``Breaches`` as the
/// command line's `custos breach` does; and each breach's page.
struct BreachesController: Sendable {
    let pages: ConsolePages

    /// The steps after a breach is logged, each a form of its own.
    enum Step: String, CaseIterable {
        case report
        case notReported = "not-reported"
        case individuals
        case close

        var heading: String {
            switch self {
            case .report: "Record the report to the ICO"
            case .notReported: "Record the decision not to report"
            case .individuals: "Record whether the people were told"
            case .close: "Close the breach"
            }
        }

        /// What the page says once the step is recorded.
        var done: String {
            switch self {
            case .report: "The report to the ICO is recorded."
            case .notReported: "The decision not to report is recorded."
            case .individuals: "Whether the people were told is recorded."
            case .close: "The breach is closed."
            }
        }
    }

    // MARK: Logging a breach

    @Sendable func form(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let form = ConsoleForm(
            Self.recordFields(user.vault.policy), values: ["discovered": [ConsoleForm.localText(Date())]])
        return pages.render(Self.recordPage(form), frame: frame("Log a breach", user, context))
    }

    @Sendable func record(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        var form = ConsoleForm(Self.recordFields(user.vault.policy), reading: try await FormBody.read(request))
        let description = form.required("description", "Say what happened")
        let discovered = form.time("discovered", label: "When it was discovered", empty: nil)
        if form.text("discovered") == nil { form.fail("discovered", "Enter when it was discovered") }
        let occurred = form.time("occurred", label: "When it happened", empty: nil)
        let risk = form.choice("risk", BreachRisk.self, "Choose the risk to people")
        let subjects = form.count("subjects", label: "About how many people")
        let records = form.count("records", label: "About how many records")
        guard form.isValid, let description, let discovered, let risk else {
            return pages.render(Self.recordPage(form), frame: frame("Log a breach", user, context), status: .badRequest)
        }
        let facts = BreachFacts(
            occurredAt: occurred, risk: risk, specialCategory: form.text("special") == "yes",
            approxSubjects: subjects, approxRecords: records, categories: form.all("categories"),
            processor: form.text("processor"))
        do {
            let breach = try await Breaches(vault: user.vault).record(
                description: description, discoveredAt: discovered, facts: facts,
                consequences: form.text("consequences"), actor: user.actor)
            return SignInController.redirect(Self.link(breach.id) + "?done=recorded")
        } catch let error as VaultError {
            form.refused(error, names: ["subjects, records": "subjects"])
            return pages.render(Self.recordPage(form), frame: frame("Log a breach", user, context), status: .badRequest)
        }
    }

    // MARK: A breach's page

    @Sendable func show(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let id = context.parameters.get("breach").flatMap(UUIDText.parse) else { return notFound(user, context) }
        let breaches = Breaches(vault: user.vault)
        guard try await breaches.list(includingClosed: true).contains(where: { $0.id == id }) else {
            return notFound(user, context)
        }
        let (breach, text) = try await breaches.show(id, actor: user.actor)
        let notice: String? =
            switch request.uri.queryParameters.get("done") {
            case "recorded": "Breach logged. The 72-hour clock runs from its discovery."
            case let done?: Step(rawValue: done)?.done
            case nil: nil
            }
        let page = CasePage(
            notice: notice, caption: "Personal data breach", heading: "Breach \(PeopleController.shortID(id))",
            state: breach.closedOn.map { "closed \(PageText.day($0))" } ?? "open",
            facts: Self.facts(breach, user.vault.policy),
            written: Self.written(text), steps: Self.steps(breach))
        return pages.render(page, frame: frame("Breach \(PeopleController.shortID(id))", user, context))
    }

    // MARK: The steps

    @Sendable func stepForm(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let (breach, step) = try await breachAndStep(context, user) else { return notFound(user, context) }
        var values: [String: [String]] = [:]
        if step == .report { values["reported"] = [ConsoleForm.localText(Date())] }
        if step == .individuals || step == .close { values["on"] = [CalendarDay.today.iso] }
        let form = ConsoleForm(Self.fields(step, breach), values: values)
        return pages.render(Self.stepPage(step, breach, form), frame: frame(step.heading, user, context))
    }

    @Sendable func step(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let (breach, step) = try await breachAndStep(context, user) else { return notFound(user, context) }
        var form = ConsoleForm(Self.fields(step, breach), reading: try await FormBody.read(request))
        let breaches = Breaches(vault: user.vault)
        do {
            switch step {
            case .report:
                let reference = form.required("reference", "Enter the ICO's reference for the report")
                let reported = form.time("reported", label: "When it was reported", empty: Date())
                if form.isValid, let reference, let reported {
                    try await breaches.reportToICO(
                        breach.id, reference: reference, at: reported, lateReason: form.text("late-reason"),
                        actor: user.actor)
                }
            case .notReported:
                let reason = form.required("reason", "Say why it is not reported")
                if form.isValid, let reason {
                    try await breaches.decideNotToReport(breach.id, reason: reason, actor: user.actor)
                }
            case .individuals:
                let told = form.text("told")
                if told == nil { form.fail("told", "Choose whether the people were told") }
                let day = told == "yes" ? form.day("on", label: "The day they were told", empty: .today) : nil
                let ground =
                    told == "no" ? form.choice("ground", Article34Ground.self, "Choose the Art 34(3) ground") : nil
                if form.isValid {
                    try await breaches.individuals(breach.id, toldOn: day, ground: ground, actor: user.actor)
                }
            case .close:
                let remediation = form.required("remediation", "Say what was done")
                let lessons = form.required("lessons", "Say what was learnt")
                let day = form.day("on", label: "The day it is closed", empty: .today)
                if form.isValid, let remediation, let lessons, let day {
                    try await breaches.close(
                        breach.id, remediation: remediation, lessons: lessons, on: day, actor: user.actor)
                }
            }
        } catch let error as VaultError {
            form.refused(error, names: ["told on": "on", "ground": "ground"])
        }
        guard form.isValid else {
            return pages.render(
                Self.stepPage(step, breach, form), frame: frame(step.heading, user, context), status: .badRequest)
        }
        return SignInController.redirect(Self.link(breach.id) + "?done=\(step.rawValue)")
    }

    // MARK: Pages and questions

    static func link(_ id: UUID) -> String { "/console/registers/breaches/\(id.uuidString.lowercased())" }

    private func frame(_ title: String, _ user: ConsoleUser, _ context: ConsoleRequestContext) -> ConsoleFrame {
        ConsoleFrame(title: title, current: "/console/registers", user: user, context: context)
    }

    private func notFound(_ user: ConsoleUser, _ context: ConsoleRequestContext) -> Response {
        pages.problem(
            title: "Not found", heading: "No such breach",
            message: "There is no open breach with that id in this workspace.",
            user: user, context: context, status: .notFound)
    }

    /// The breach in the path and the step, when the breach is the workspace's, open, and the step
    /// one its state still allows.
    private func breachAndStep(
        _ context: ConsoleRequestContext, _ user: ConsoleUser
    ) async throws -> (StoredBreach, Step)? {
        guard let id = context.parameters.get("breach").flatMap(UUIDText.parse),
            let step = context.parameters.get("step").flatMap(Step.init(rawValue:)),
            let breach = try await Breaches(vault: user.vault).list().first(where: { $0.id == id }),
            Self.allowed(breach).contains(step)
        else { return nil }
        return (breach, step)
    }

    /// The steps an open breach's state allows, the one that comes next first.
    static func allowed(_ breach: StoredBreach) -> [Step] {
        guard breach.closedOn == nil else { return [] }
        let facts = breach.facts
        let decided = facts.reportedAt != nil || facts.notReported
        var steps: [Step] = []
        if !decided {
            steps.append(.report)
            if facts.risk == .none { steps.append(.notReported) }
        }
        let toldOrExcused = facts.individualsToldOn != nil || facts.individualsNotTold != nil
        if facts.risk == .high, !toldOrExcused { steps.append(.individuals) }
        if decided, facts.risk != .high || toldOrExcused { steps.append(.close) }
        if facts.risk != .high, !toldOrExcused { steps.append(.individuals) }
        return steps
    }

    private static func steps(_ breach: StoredBreach) -> [CasePage.Step] {
        allowed(breach).enumerated().map { index, step in
            CasePage.Step(href: link(breach.id) + "/" + step.rawValue, label: step.heading, primary: index == 0)
        }
    }

    private static func facts(_ breach: StoredBreach, _ policy: Policy) -> [CasePage.Row] {
        let facts = breach.facts
        let ico: CasePage.Row
        if let reported = facts.reportedAt {
            ico = .init(
                question: "The ICO", answer: "Told \(PageText.time(reported)), reference \(facts.icoReference ?? "")")
        } else if facts.notReported {
            ico = .init(question: "The ICO", answer: "Not reported: unlikely to result in a risk to people")
        } else {
            let overdue = breach.reportDeadline < Date()
            ico = .init(
                question: "The ICO",
                answer: "Report by \(PageText.time(breach.reportDeadline))" + (overdue ? " (overdue)" : ""),
                answerClass: overdue ? "overdue" : "due-soon")
        }
        let people =
            facts.individualsToldOn.map { "Told \(PageText.day($0))" }
            ?? facts.individualsNotTold.map { "Not told: \(label($0))" }
            ?? (facts.risk == .high ? "Not yet told: a high risk must be told (Art 34)" : "Not told")
        return [
            .init(question: "Discovered", answer: PageText.time(breach.discoveredAt)),
            .init(question: "Happened", answer: facts.occurredAt.map(PageText.time) ?? "Not known"),
            .init(question: "Risk to people", answer: riskLabel(facts.risk)),
            .init(question: "Special category data", answer: facts.specialCategory ? "Yes" : "No"),
            .init(question: "People affected", answer: facts.approxSubjects.map { "About \($0)" } ?? "Not known"),
            .init(question: "Records affected", answer: facts.approxRecords.map { "About \($0)" } ?? "Not known"),
            .init(
                question: "Kinds of data",
                answer: facts.categories.isEmpty
                    ? "Not recorded" : facts.categories.map(policy.categoryName).joined(separator: ", ")),
            .init(question: "Processor involved", answer: facts.processor ?? "None"),
            ico,
            .init(question: "The people", answer: people),
            .init(question: "Logged by", answer: "\(breach.recordedBy), \(PageText.time(breach.recordedAt))"),
        ]
    }

    private static func written(_ text: BreachText) -> [CasePage.Row] {
        [
            ("What happened", text.description), ("Likely consequences", text.consequences),
            ("Why it was not reported", text.notReportedReason), ("Why the report was late", text.lateReason),
            ("What was done", text.remediation), ("What was learnt", text.lessons),
        ].compactMap { question, answer in answer.map { CasePage.Row(question: question, answer: $0) } }
    }

    static func riskLabel(_ risk: BreachRisk) -> String {
        switch risk {
        case .none: "Unlikely to result in a risk to people"
        case .risk: "A risk to people"
        case .high: "A high risk to people"
        }
    }

    static func label(_ ground: Article34Ground) -> String {
        switch ground {
        case .unintelligible: "Art 34(3)(a): the data was unintelligible to anyone not allowed to see it"
        case .riskNoLongerLikely: "Art 34(3)(b): measures taken since mean the high risk is no longer likely"
        case .publicCommunication:
            "Art 34(3)(c): a public communication instead, as telling each would be disproportionate"
        }
    }

    /// The questions logging a breach asks; the kinds of data involved are the policy's categories.
    private static func recordFields(_ policy: Policy) -> [FormField] {
        var categories: [String] = []
        for field in policy.recordTypes.flatMap(\.fields) where !categories.contains(field.category) {
            categories.append(field.category)
        }
        return [
            FormField(
                "description", "What happened", kind: .longText,
                hint: "Sealed in the register, never in the audit log. Say what, not who: no names are needed here."),
            FormField(
                "discovered", "When it was discovered", kind: .dateTime,
                hint: "The 72 hours to tell the ICO run from here (UK GDPR Art 33)."),
            FormField("occurred", "When it happened", kind: .dateTime, hint: "If known.", optional: true),
            FormField(
                "risk", "The risk to people", kind: .radios,
                options: BreachRisk.allCases.map { FormField.Option($0.rawValue, riskLabel($0)) }),
            FormField(
                "special", "Was special category data involved?", kind: .radios,
                hint: "Health, ethnicity, religion, biometrics, sexual orientation and the like.",
                options: [.init("yes", "Yes"), .init("no", "No")], optional: true),
            FormField(
                "categories", "The kinds of data involved", kind: .checkboxes, hint: "Tick each that applies.",
                options: categories.map { FormField.Option($0, ConsoleForm.sentence(policy.categoryName($0))) },
                optional: true),
            FormField("subjects", "About how many people", kind: .number, optional: true, short: true),
            FormField("records", "About how many records", kind: .number, optional: true, short: true),
            FormField(
                "processor", "The processor involved", hint: "If a supplier's system was involved.", optional: true),
            FormField("consequences", "Likely consequences", kind: .longText, hint: "Sealed.", optional: true),
        ]
    }

    private static func recordPage(_ form: ConsoleForm) -> FormPage {
        form.page(
            heading: "Log a breach", action: "/console/registers/breaches/new", submit: "Log the breach",
            lede:
                "Every personal data breach is logged, reported or not. A breach likely to result in a risk to people is reported to the ICO within 72 hours of its discovery.",
            back: "/console/registers")
    }

    private static func fields(_ step: Step, _ breach: StoredBreach) -> [FormField] {
        switch step {
        case .report:
            [
                FormField(
                    "reference", "The ICO's reference", hint: "As the ICO gave it when the report was made.",
                    short: false),
                FormField("reported", "When it was reported", kind: .dateTime),
                FormField(
                    "late-reason", "Why it came after the 72 hours", kind: .longText,
                    hint: "Only if it was reported after \(PageText.time(breach.reportDeadline)) (Art 33(1)).",
                    optional: true),
            ]
        case .notReported:
            [
                FormField(
                    "reason", "Why it is not reported", kind: .longText,
                    hint: "Only a breach unlikely to result in a risk to people goes unreported. Sealed.")
            ]
        case .individuals:
            [
                FormField(
                    "told", "Were the people told?", kind: .radios,
                    options: [
                        .init("yes", "Yes"),
                        .init("no", "No: one of the Art 34(3) grounds applies"),
                    ]),
                FormField("on", "The day they were told", kind: .date, hint: "If they were told.", optional: true),
                FormField(
                    "ground", "The ground for not telling them", kind: .radios, hint: "If they were not told.",
                    options: Article34Ground.allCases.map { FormField.Option($0.rawValue, label($0)) }, optional: true),
            ]
        case .close:
            [
                FormField("remediation", "What was done", kind: .longText, hint: "Sealed."),
                FormField("lessons", "What was learnt", kind: .longText, hint: "Sealed."),
                FormField("on", "The day it is closed", kind: .date),
            ]
        }
    }

    private static func stepPage(_ step: Step, _ breach: StoredBreach, _ form: ConsoleForm) -> FormPage {
        form.page(
            heading: step.heading, action: link(breach.id) + "/" + step.rawValue,
            submit: step == .close ? "Close the breach" : "Record it",
            caption: "Breach \(PeopleController.shortID(breach.id))",
            warning: step == .close ? "A closed breach stays in the register; it cannot be reopened." : nil,
            back: link(breach.id))
    }
}
