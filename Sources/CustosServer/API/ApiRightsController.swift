import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/api/v1/requests/{request}/restriction`, `/objection`, `/rectification`, `/portable` and
/// `/withholdings`: carrying out requests under Arts 16, 18, 20 and 21, and holding items back
/// from an access request under an exemption. Whoever works on the register may carry
/// them out; only the DPO records compelling grounds to carry on despite an objection.
struct ApiRightsController {
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("requests/:request/restriction", use: restrict)
        group.post("requests/:request/objection", use: object)
        group.post("requests/:request/rectification", use: rectify)
        group.get("requests/:request/portable", use: portable)
        group.post("requests/:request/withholdings", use: withhold)
    }

    @Sendable func restrict(_ request: Request, context: AppRequestContext) async throws -> RequestDocument {
        let caller = try context.requireIdentity()
        try ApiRequestsController.requireRegister(caller, changing: true)
        let id = try context.pathID("request", naming: "request")
        let body = try await request.decode(as: RestrictionExecution.self, context: context)
        let done = try await Restrictions(vault: caller.vault).carryOut(
            request: id, ground: try ApiKeyword.parse(body.ground, field: "ground"), purposes: body.purposes,
            on: try ApiDay.parse(body.day, field: "day"), actor: caller.actor)
        return try RequestDocument(done, in: Requests(vault: caller.vault))
    }

    @Sendable func object(_ request: Request, context: AppRequestContext) async throws -> RequestDocument {
        let caller = try context.requireIdentity()
        try ApiRequestsController.requireRegister(caller, changing: true)
        let id = try context.pathID("request", naming: "request")
        let body = try await request.decode(as: ObjectionAnswer.self, context: context)
        let grounds = body.compellingGrounds ?? [:]
        if !grounds.isEmpty, !caller.token.role.holds(.recordCompellingGrounds) {
            throw ApiError.forbidden("only the dpo role may record compelling grounds")
        }
        let done = try await Objections(vault: caller.vault).carryOut(
            request: id, purposes: body.purposes, compellingGrounds: grounds,
            on: try ApiDay.parse(body.day, field: "day"), actor: caller.actor)
        return try RequestDocument(done, in: Requests(vault: caller.vault))
    }

    @Sendable func rectify(_ request: Request, context: AppRequestContext) async throws -> RequestDocument {
        let caller = try context.requireIdentity()
        try ApiRequestsController.requireRegister(caller, changing: true)
        let id = try context.pathID("request", naming: "request")
        let body = try await request.decode(as: RectificationExecution.self, context: context)
        guard let record = UUIDText.parse(body.record) else { throw ApiError.badRequest("record: not an id") }
        let day = try ApiDay.parse(body.day, field: "day")
        if let reasons = body.refuse {
            guard body.changes?.isEmpty ?? true else {
                throw ApiError.invalid("changes: a refused correction changes nothing")
            }
            return try RequestDocument(
                try await Rectifications(vault: caller.vault).refuse(
                    request: id, record: record, reasons: reasons, statement: body.statement, on: day,
                    actor: caller.actor), in: Requests(vault: caller.vault))
        }
        guard body.statement == nil else { throw ApiError.invalid("statement: only with refuse") }
        guard let changes = body.changes, !changes.isEmpty else {
            throw ApiError.invalid("changes: give at least one field, or refuse with the reasons")
        }
        let done = try await Rectifications(vault: caller.vault).carryOut(
            request: id, record: record, changes: changes, on: day, actor: caller.actor)
        return try RequestDocument(done, in: Requests(vault: caller.vault))
    }

    @Sendable func withhold(
        _ request: Request, context: AppRequestContext
    ) async throws -> EditedResponse<WithholdingDocument> {
        let caller = try context.requireIdentity()
        try ApiRequestsController.requireRegister(caller, changing: true)
        let id = try context.pathID("request", naming: "request")
        let body = try await request.decode(as: WithholdingCreation.self, context: context)
        guard let record = UUIDText.parse(body.record) else { throw ApiError.badRequest("record: not an id") }
        let item = try await Requests(vault: caller.vault).withhold(
            request: id, record: record, fields: body.fields,
            exemption: try ApiKeyword.parse(body.exemption, field: "exemption"),
            reason: body.reason, on: try ApiDay.parse(body.day, field: "day"), actor: caller.actor)
        return EditedResponse(status: .created, response: WithholdingDocument(item))
    }

    /// The data the person may take elsewhere; it holds their data in clear, so only those who
    /// change the register make it.
    @Sendable func portable(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requireIdentity()
        try ApiRequestsController.requireRegister(caller, changing: true)
        let id = try context.pathID("request", naming: "request")
        let zip = try await Requests(vault: caller.vault).portable(id, actor: caller.actor)
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/zip",
                .contentDisposition: "attachment; filename=\"portable-\(id.uuidString.lowercased()).zip\"",
                .cacheControl: "no-store",
            ], body: .init(byteBuffer: ByteBuffer(bytes: zip)))
    }
}
