import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/console/registers/holds`: legal holds placed on a person's records, a record type, or both,
/// for a legal claim (UK GDPR Art 17(3)(e)), and released, through ``LegalHolds`` as the command
/// line's `custos hold` does. Releasing one is checked first: what it kept may be erased again.
struct HoldsController: Sendable {
    let pages: ConsolePages

    @Sendable func form(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        var values: [String: [String]] = ["on": [CalendarDay.today.iso]]
        // From a person's page: the hold is on that person.
        if let subject = request.uri.queryParameters.get("subject").flatMap(UUIDText.parse),
            try await user.reachableSubject(subject) != nil
        {
            values["subject"] = [subject.uuidString.lowercased()]
        }
        let form = ConsoleForm(Self.fields(user.vault.policy), values: values)
        return pages.render(Self.page(form), frame: frame(user, context))
    }

    @Sendable func place(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        var form = ConsoleForm(Self.fields(user.vault.policy), reading: try await FormBody.read(request))
        var subject: UUID?
        if let text = form.text("subject") {
            subject = UUIDText.parse(text)
            if subject == nil {
                form.fail("subject", "Open this form from the person's page, or leave it empty")
            } else if try await user.reachableSubject(subject!) == nil {
                form.fail("subject", "There is no one with that id within your reach")
            }
        }
        let type = form.text("type")
        if subject == nil, type == nil, form.isValid {
            form.fail("subject", "Name the person held, the record type held, or both")
        }
        let reason = form.required("reason", "Say what claim the hold is for")
        let day = form.day("on", label: "The day it is placed", empty: .today)
        let until = form.day("until", label: "The last day it stands", empty: nil, past: false)
        guard form.isValid, let reason, let day else {
            return pages.render(Self.page(form), frame: frame(user, context), status: .badRequest)
        }
        do {
            try await LegalHolds(vault: user.vault).place(
                subject: subject, recordType: type, reason: reason, on: day, until: until, actor: user.actor)
        } catch let error as VaultError {
            form.refused(error, names: ["subject, record_type": "subject", "record_type": "type"])
            return pages.render(Self.page(form), frame: frame(user, context), status: .badRequest)
        }
        return SignInController.redirect("/console/registers?done=hold#holds")
    }

    /// Releases a hold, once the check of what it keeps is confirmed.
    @Sendable func release(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let holds = LegalHolds(vault: user.vault)
        guard let id = context.parameters.get("hold").flatMap(UUIDText.parse),
            let hold = try await holds.list().first(where: { $0.id == id })
        else {
            return pages.problem(
                title: "Not found", heading: "No such hold", message: "There is no legal hold standing with that id.",
                user: user, context: context, status: .notFound)
        }
        let body = try await FormBody.read(request)
        guard body.value("confirmed") == "yes" else {
            let type = hold.recordType.flatMap { user.vault.policy.recordType($0)?.name } ?? hold.recordType
            let rows: [CheckAnswersPage.Row] = [
                .init(question: "Person", answer: hold.subjectID.map { PeopleController.shortID($0) } ?? "Everyone"),
                .init(question: "Records", answer: type ?? "Every kind of record"),
                .init(question: "For", answer: hold.reason),
                .init(question: "Placed", answer: "\(PageText.day(hold.placedOn)) by \(hold.placedBy)"),
            ]
            return pages.render(
                CheckAnswersPage(
                    caption: "Legal hold", heading: "Check before you release this hold", rows: rows,
                    warning:
                        "Once released, what the hold kept is erased when its retention ends, or at once where an erasure waits for it.",
                    action: Self.link(id) + "/release", hidden: [], submit: "Release the hold",
                    back: "/console/registers#holds"),
                frame: ConsoleFrame(
                    title: "Check before you release this hold", current: "/console/registers", user: user,
                    context: context))
        }
        do {
            try await holds.release(id, on: .today, actor: user.actor)
        } catch let error as VaultError {
            return pages.problem(
                title: "Not released", heading: "The hold was not released",
                message: ConsoleForm.sentence(error.message),
                user: user, context: context, status: .conflict)
        }
        return SignInController.redirect("/console/registers?done=released#holds")
    }

    static func link(_ id: UUID) -> String { "/console/registers/holds/\(id.uuidString.lowercased())" }

    private func frame(_ user: ConsoleUser, _ context: ConsoleRequestContext) -> ConsoleFrame {
        ConsoleFrame(title: "Place a legal hold", current: "/console/registers", user: user, context: context)
    }

    private static func page(_ form: ConsoleForm) -> FormPage {
        form.page(
            heading: "Place a legal hold", action: "/console/registers/holds/new", submit: "Place the hold",
            lede:
                "A hold keeps records past their retention, and from erasure, while a legal claim needs them (UK GDPR Art 17(3)(e)). Release it when the claim is settled.",
            back: "/console/registers#holds")
    }

    private static func fields(_ policy: Policy) -> [FormField] {
        [
            FormField(
                "subject", "The person held",
                hint:
                    "Filled in when you come from their page (Place a legal hold on their records). Leave empty to hold a whole record type.",
                optional: true),
            FormField(
                "type", "The kind of record held", kind: .select,
                hint: "Leave as every kind to hold all of the person's records.",
                options: [.init("", "Every kind of record")] + policy.recordTypes.map { .init($0.id, $0.name) },
                optional: true),
            FormField(
                "reason", "The claim or matter it is for", kind: .longText,
                hint: "Kept in the register, not the audit log."),
            FormField("on", "The day it is placed", kind: .date),
            FormField("until", "The last day it stands", kind: .date, hint: "If known.", optional: true),
        ]
    }
}
