import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/console/people/ID/disclosures/new`: a disclosure of a person's records logged from their
/// page (to whom, what, on which basis or exemption, why and who decided), through
/// ``Disclosures`` as `custos disclosure record` does. One made without telling the person adds a
/// task to tell them when it is safe; marking that task done records that they were told.
struct DisclosuresController: Sendable {
    let pages: ConsolePages

    @Sendable func form(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let subject = try await subject(context, user) else { return notFound(user, context) }
        let form = ConsoleForm(
            Self.fields(user.vault.policy), values: ["on": [CalendarDay.today.iso], "told": ["yes"]])
        return pages.render(Self.page(form, subject), frame: frame(user, context))
    }

    @Sendable func record(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let subject = try await subject(context, user) else { return notFound(user, context) }
        let policy = user.vault.policy
        var form = ConsoleForm(Self.fields(policy), reading: try await FormBody.read(request))
        var recipient: Disclosures.Recipient?
        switch form.text("recipient") {
        case nil:
            form.fail("recipient", "Choose who received it")
        case Self.other?:
            let name = form.required("other-name", "Enter the organisation's name")
            let kind = form.choice("other-kind", DisclosureRecipientKind.self, "Choose what kind of organisation it is")
            if let name, let kind { recipient = .other(name: name, kind: kind) }
        case let id?:
            recipient = .policy(id)
        }
        let types = form.all("types")
        if types.isEmpty { form.fail("types", "Choose at least one kind of record disclosed") }
        let basis = form.choice("basis", LawfulBasis.self, "Choose a lawful basis", optional: true)
        let exemption = form.choice("exemption", DisclosureExemption.self, "Choose an exemption", optional: true)
        let reason = form.required("reason", "Say why it was disclosed")
        let day = form.day("on", label: "The day it was disclosed", empty: .today)
        guard form.isValid, let recipient, let reason, let day else {
            return pages.render(Self.page(form, subject), frame: frame(user, context), status: .badRequest)
        }
        do {
            try await Disclosures(vault: user.vault).record(
                subject: subject, to: recipient, recordTypes: types, purpose: form.text("purpose"), basis: basis,
                exemption: exemption, reason: reason, decidedBy: form.text("decided-by"),
                withoutTelling: form.text("told") == "no", on: day, actor: user.actor)
        } catch let error as VaultError {
            form.refused(
                error,
                names: ["record_types": "types", "record types": "types", "to": "recipient", "categories": "types"])
            return pages.render(Self.page(form, subject), frame: frame(user, context), status: .badRequest)
        }
        return SignInController.redirect("/console/people/\(subject.uuidString.lowercased())?done=disclosure")
    }

    /// The choice of recipient for an organisation the policy does not name.
    static let other = "other"

    private func subject(_ context: ConsoleRequestContext, _ user: ConsoleUser) async throws -> UUID? {
        guard let id = context.parameters.get("subject").flatMap(UUIDText.parse),
            try await user.reachableSubject(id) != nil
        else { return nil }
        return id
    }

    private func frame(_ user: ConsoleUser, _ context: ConsoleRequestContext) -> ConsoleFrame {
        ConsoleFrame(title: "Log a disclosure", current: "/console/people", user: user, context: context)
    }

    private func notFound(_ user: ConsoleUser, _ context: ConsoleRequestContext) -> Response {
        pages.problem(
            title: "Not found", heading: "No such person", message: "There is no one with that id within your reach.",
            user: user, context: context, status: .notFound)
    }

    private static func page(_ form: ConsoleForm, _ subject: UUID) -> FormPage {
        let person = "/console/people/\(subject.uuidString.lowercased())"
        return form.page(
            heading: "Log a disclosure", action: person + "/disclosures/new", submit: "Log the disclosure",
            caption: "Person \(PeopleController.shortID(subject))",
            lede:
                "Each time this person's information is given to another organisation: to whom, what, on which basis, why, and who decided. The person sees it in their access package unless an exemption applies.",
            back: person)
    }

    private static func fields(_ policy: Policy) -> [FormField] {
        [
            FormField(
                "recipient", "Who received it", kind: .select,
                options: [.init("", "Choose…")] + policy.recipients.map { .init($0.id, $0.name) }
                    + [.init(other, "Another organisation")]),
            FormField("other-name", "The organisation's name", hint: "If it is another organisation.", optional: true),
            FormField(
                "other-kind", "What kind of organisation", kind: .select, hint: "If it is another organisation.",
                options: [.init("", "Choose…")] + DisclosureRecipientKind.allCases.map { .init($0.rawValue, $0.title) },
                optional: true),
            FormField(
                "types", "What was disclosed", kind: .checkboxes,
                options: policy.recordTypes.map { .init($0.id, $0.name) }),
            FormField(
                "purpose", "The purpose it served", kind: .select,
                hint: "Its lawful basis is used unless you choose another below.",
                options: [.init("", "None of the policy's purposes")] + policy.purposes.map { .init($0.id, $0.name) },
                optional: true),
            FormField(
                "basis", "The lawful basis", kind: .select,
                options: [.init("", "The purpose's")] + LawfulBasis.allCases.map { .init($0.rawValue, $0.title) },
                optional: true),
            FormField(
                "exemption", "An exemption relied on", kind: .select,
                options: [.init("", "None")]
                    + DisclosureExemption.allCases.map {
                        .init($0.rawValue, "\($0.reference): \($0.plainEnglish)")
                    }, optional: true),
            FormField(
                "reason", "Why it was disclosed", kind: .longText, hint: "Sealed in the log, never in the audit log."),
            FormField("decided-by", "Who decided", hint: "Leave empty if it was you.", optional: true),
            FormField("on", "The day it was disclosed", kind: .date),
            FormField(
                "told", "Was the person told?", kind: .radios,
                options: [
                    .init("yes", "Yes, or they will be told as usual"),
                    .init(
                        "no", "No: telling them now would prejudice why it was disclosed",
                        hint: "A task is added to tell them when it is safe."),
                ]),
        ]
    }
}
