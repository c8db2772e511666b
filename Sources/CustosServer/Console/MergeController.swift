import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// People who may be one person twice (`/console/duplicates`: the same name at the same school,
/// or a shared identifier), and the merge of two of them that staff confirm
/// (`/console/people/{subject}/merge?with={other}`), through ``Vault/merge(_:into:actor:reason:at:)``
/// as `custos subject merge` does. Nothing is merged on a suggestion alone: a member of staff
/// chooses which record is kept, says why, and confirms on a check-your-answers page.
struct MergeController: Sendable {
    let pages: ConsolePages

    /// How many groups the list shows a page.
    static let pageSize = 25

    /// The list of possible duplicates, a page of groups at a time, with their names.
    @Sendable func list(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let groups = try await user.vault.possibleDuplicates()
        let page = Pager.pageNumber(request.uri.queryParameters.get("page"))
        let shown = Array(groups.dropFirst(page * Self.pageSize).prefix(Self.pageSize))
        let people = try await user.vault.subjects(shown.flatMap { $0 }, reachableBy: user.access)
        let rows = try await PeopleController.rows(people, user: user, reason: "possible duplicates")
        let byID = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let listed = shown.compactMap { group -> DuplicatesPage.Group? in
            let members = group.compactMap { byID[$0.uuidString.lowercased()] }
            guard let first = members.first, members.count > 1 else { return nil }
            return DuplicatesPage.Group(
                people: members,
                reviews: members.dropFirst().map { other in
                    DuplicatesPage.Review(
                        link: Self.link(first.id, with: other.id),
                        label: "Review \(first.label) and \(other.label)")
                })
        }
        return pages.render(
            DuplicatesPage(
                notice: request.uri.queryParameters.get("done") == "merge" ? "Merged." : nil, groups: listed,
                pager: Pager(
                    page: page, pageSize: Self.pageSize, shown: shown.count, total: groups.count,
                    link: { "/console/duplicates?page=\($0)" })),
            frame: ConsoleFrame(title: "Possible duplicates", current: "/console/people", user: user, context: context))
    }

    /// The form: which of the two is kept, and why.
    @Sendable func form(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let pair = try await pair(request, context, user) else { return notFound(user, context) }
        let form = ConsoleForm(try await Self.fields(pair, user: user))
        return pages.render(page(form, pair), frame: frame(user, context))
    }

    /// The answers checked, then (once confirmed) the merge.
    @Sendable func merge(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let pair = try await pair(request, context, user) else { return notFound(user, context) }
        let body = try await FormBody.read(request)
        let fields = try await Self.fields(pair, user: user)
        var form = ConsoleForm(fields, reading: body)
        let keep = form.required("keep", "Choose which record to keep")
        let reason = form.required("reason", "Say why these are the same person")
        let survivor = [pair.subject, pair.other].first { $0.id.uuidString.lowercased() == keep }
        if keep != nil, survivor == nil { form.fail("keep", "Choose which record to keep") }
        guard form.isValid, let survivor, let reason else {
            return pages.render(page(form, pair), frame: frame(user, context), status: .badRequest)
        }
        let duplicate = survivor.id == pair.subject.id ? pair.other : pair.subject
        guard body.value("confirmed") == "yes" else {
            let label = { (subject: StoredSubject) in
                fields.first?.options.first { $0.value == subject.id.uuidString.lowercased() }?.label ?? ""
            }
            return pages.render(
                CheckAnswersPage(
                    caption: "Possible duplicates", heading: "Check before you merge these records",
                    rows: [
                        .init(question: "Kept", answer: label(survivor)),
                        .init(question: "Merged into it", answer: label(duplicate)),
                        .init(question: "Why they are one person", answer: reason),
                    ],
                    warning:
                        "Every record of the one merged moves to the one kept, sealed again with its key, with its consents and identifiers. What is left of it only points to the one kept. This cannot be undone; the audit log keeps the history.",
                    action: Self.link(pair.subject.id, with: pair.other.id),
                    hidden: [.init(name: "keep", value: keep ?? ""), .init(name: "reason", value: reason)],
                    submit: "Merge these records", back: Self.link(pair.subject.id, with: pair.other.id)),
                frame: ConsoleFrame(
                    title: "Check before you merge these records", current: "/console/people", user: user,
                    context: context))
        }
        do {
            try await user.vault.merge(duplicate.id, into: survivor.id, actor: user.actor, reason: reason)
        } catch let error as VaultError {
            return pages.problem(
                title: "Not merged", heading: "The records were not merged",
                message: ConsoleForm.sentence(error.message), user: user, context: context, status: .conflict)
        }
        return SignInController.redirect("/console/people/\(survivor.id.uuidString.lowercased())?done=merge")
    }

    /// The address of the merge of `subject` and `other`.
    static func link(_ subject: String, with other: String) -> String {
        "/console/people/\(subject)/merge?with=\(other)"
    }

    static func link(_ subject: UUID, with other: UUID) -> String {
        link(subject.uuidString.lowercased(), with: other.uuidString.lowercased())
    }

    /// The two people of the address, both within reach and neither merged or erased; nil otherwise.
    private func pair(
        _ request: Request, _ context: ConsoleRequestContext, _ user: ConsoleUser
    ) async throws -> (subject: StoredSubject, other: StoredSubject)? {
        guard let subjectID = context.parameters.get("subject").flatMap(UUIDText.parse),
            let otherID = request.uri.queryParameters.get("with").flatMap(UUIDText.parse), subjectID != otherID
        else { return nil }
        let found = try await user.vault.subjects([subjectID, otherID], reachableBy: user.access)
        guard let subject = found.first(where: { $0.id == subjectID }),
            let other = found.first(where: { $0.id == otherID }),
            subject.mergedInto == nil, other.mergedInto == nil, subject.key != nil, other.key != nil
        else { return nil }
        return (subject, other)
    }

    /// The questions: which to keep (each person with their name, kind and first day), and why.
    private static func fields(
        _ pair: (subject: StoredSubject, other: StoredSubject), user: ConsoleUser
    ) async throws -> [FormField] {
        let rows = try await PeopleController.rows(
            [pair.subject, pair.other], user: user, reason: "merging possible duplicates")
        return [
            FormField(
                "keep", "Which record is kept?", kind: .radios,
                hint: "The other's records move to it. Keep the one with the fuller or more recent details.",
                options: rows.map { row in
                    .init(
                        row.id, row.label,
                        hint: "\(row.kind), \(row.school); since \(row.since); id \(row.shortID)")
                }),
            FormField(
                "reason", "Why are they the same person?", kind: .longText,
                hint: "For example: the same name, school and email address. Kept in the audit log."),
        ]
    }

    private func page(_ form: ConsoleForm, _ pair: (subject: StoredSubject, other: StoredSubject)) -> FormPage {
        form.page(
            heading: "Merge two records of one person",
            action: Self.link(pair.subject.id, with: pair.other.id), submit: "Continue", caption: "Possible duplicates",
            lede:
                "Merge only when you are sure these are the same person. You will check your answers before anything changes.",
            back: "/console/people/\(pair.subject.id.uuidString.lowercased())")
    }

    private func frame(_ user: ConsoleUser, _ context: ConsoleRequestContext) -> ConsoleFrame {
        ConsoleFrame(title: "Merge two records of one person", current: "/console/people", user: user, context: context)
    }

    private func notFound(_ user: ConsoleUser, _ context: ConsoleRequestContext) -> Response {
        pages.problem(
            title: "Not found", heading: "No such pair of people",
            message: "There are not two people with those ids within your reach that can be merged.", user: user,
            context: context, status: .notFound)
    }
}
