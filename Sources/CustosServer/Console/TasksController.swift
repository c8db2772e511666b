import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/console/tasks`: the open tasks, soonest due first, a page at a time; and
/// `/console/tasks/ID/done`: a task marked done with how it was done (or why it could not be),
/// through ``Tasks`` as `custos task done` does. Telling a person of a disclosure made without
/// telling them records that they were told.
struct TasksController: Sendable {
    let pages: ConsolePages

    /// How many tasks a page lists.
    static let pageSize = 50

    @Sendable func list(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let number = Pager.pageNumber(request.uri.queryParameters.get("page"))
        let found = try await Tasks(vault: user.vault).page(limit: Self.pageSize, offset: number * Self.pageSize)
        let today = CalendarDay.today
        let page = TasksPage(
            open: found.open, retentionReviews: found.retentionReviews,
            tasks: found.tasks.map { Self.row($0, user: user, today: today) },
            pager: Pager(page: number, pageSize: Self.pageSize, shown: found.tasks.count, total: found.open) {
                "/console/tasks?page=\($0)"
            })
        return pages.render(
            page, frame: ConsoleFrame(title: "Tasks", current: "/console", user: user, context: context))
    }

    /// A task as a row of a list, with the link to mark it done for a user who does tasks.
    static func row(_ task: StoredTask, user: ConsoleUser, today: CalendarDay) -> DashboardPage.TaskRow {
        DashboardPage.TaskRow(
            due: task.dueOn.map(PageText.day) ?? "When safe",
            summary: task.summary,
            kind: PageText.label(task.kind.rawValue),
            dueClass: PageText.dueClass(task.dueOn, from: today),
            doneLink: user.may(.doTasks) ? link(task.id) : nil)
    }

    @Sendable func form(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let task = try await openTask(context, user) else { return notFound(user, context) }
        let form = ConsoleForm(Self.fields, values: ["on": [CalendarDay.today.iso]])
        return pages.render(Self.page(form, task), frame: frame(user, context))
    }

    @Sendable func done(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let task = try await openTask(context, user) else { return notFound(user, context) }
        var form = ConsoleForm(Self.fields, reading: try await FormBody.read(request))
        let note = form.required("note", "Say how it was done, or why it could not be")
        let day = form.day("on", label: "The day it was done", empty: .today)
        if form.isValid, let note, let day {
            do {
                try await Tasks(vault: user.vault).complete(task.id, on: day, note: note, actor: user.actor)
                return SignInController.redirect("/console?done=task")
            } catch let error as VaultError {
                form.refused(error)
            }
        }
        return pages.render(Self.page(form, task), frame: frame(user, context), status: .badRequest)
    }

    static func link(_ id: UUID) -> String { "/console/tasks/\(id.uuidString.lowercased())/done" }

    private func openTask(_ context: ConsoleRequestContext, _ user: ConsoleUser) async throws -> StoredTask? {
        guard let id = context.parameters.get("task").flatMap(UUIDText.parse) else { return nil }
        return try await Tasks(vault: user.vault).list().first { $0.id == id }
    }

    private func frame(_ user: ConsoleUser, _ context: ConsoleRequestContext) -> ConsoleFrame {
        ConsoleFrame(title: "Mark a task done", current: "/console", user: user, context: context)
    }

    private func notFound(_ user: ConsoleUser, _ context: ConsoleRequestContext) -> Response {
        pages.problem(
            title: "Not found", heading: "No such task",
            message: "There is no open task with that id in this workspace.",
            user: user, context: context, status: .notFound)
    }

    private static let fields: [FormField] = [
        FormField(
            "note", "How it was done", kind: .longText,
            hint: "Or why it could not be done (disproportionate effort, say). Kept with the task."),
        FormField("on", "The day it was done", kind: .date),
    ]

    private static func page(_ form: ConsoleForm, _ task: StoredTask) -> FormPage {
        form.page(
            heading: "Mark a task done", action: link(task.id), submit: "Mark it done",
            caption: "\(PageText.label(task.kind.rawValue)): \(task.summary)", back: "/console")
    }
}
