import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/api/v1/tasks`: work the law asks of staff, such as telling the recipients of an erasure
/// (Art 19). Whoever works on the register marks tasks done; auditors read them.
struct ApiTasksController {
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("tasks", use: list)
        group.post("tasks/:task/done", use: done)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> TaskList {
        let caller = try context.requireIdentity()
        try ApiRequestsController.requireRegister(caller, changing: false)
        let all = try ApiFlag.parse(request.uri.queryParameters["all"], field: "all")
        return TaskList(tasks: try await Tasks(vault: caller.vault).list(includingDone: all).map(TaskDocument.init))
    }

    @Sendable func done(_ request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status {
        let caller = try context.requireIdentity()
        try ApiRequestsController.requireRegister(caller, changing: true)
        let id = try context.pathID("task", naming: "task")
        let body = try await request.decode(as: TaskCompletionBody.self, context: context)
        try await Tasks(vault: caller.vault).complete(
            id, on: try ApiDay.parse(body.day, field: "day"), note: body.note, actor: caller.actor)
        return .noContent
    }
}
