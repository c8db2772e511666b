import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/api/v1/school-calendar`: the terms and closures parents' requests for the educational
/// record are counted on. Whoever works on the register keeps it; auditors read it.
struct ApiSchoolCalendarController {
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("school-calendar", use: show)
        group.post("school-calendar/terms", use: addTerm)
        group.post("school-calendar/closures", use: addClosure)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> SchoolCalendarDocument {
        let caller = try context.requireIdentity()
        try ApiRequestsController.requireRegister(caller, changing: false)
        return SchoolCalendarDocument(try await SchoolCalendars(vault: caller.vault).current())
    }

    @Sendable func addTerm(_ request: Request, context: AppRequestContext) async throws -> SchoolCalendarDocument {
        let caller = try context.requireIdentity()
        try ApiRequestsController.requireRegister(caller, changing: true)
        let body = try await request.decode(as: TermCreation.self, context: context)
        let calendar = try await SchoolCalendars(vault: caller.vault).addTerm(
            from: try ApiDay.parse(body.from, field: "from"), to: try ApiDay.parse(body.to, field: "to"),
            actor: caller.actor)
        return SchoolCalendarDocument(calendar)
    }

    @Sendable func addClosure(_ request: Request, context: AppRequestContext) async throws -> SchoolCalendarDocument {
        let caller = try context.requireIdentity()
        try ApiRequestsController.requireRegister(caller, changing: true)
        let body = try await request.decode(as: ClosureCreation.self, context: context)
        let calendar = try await SchoolCalendars(vault: caller.vault).addClosure(
            try ApiDay.parse(body.day, field: "day"), actor: caller.actor)
        return SchoolCalendarDocument(calendar)
    }
}
