import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/api/v1/requests`: the register of requests from people. The DPO, admins and staff take
/// requests in and move them on; only the DPO approves; auditors read.
struct ApiRequestsController {
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("requests", use: list)
        group.post("requests", use: create)
        group.get("requests/:request", use: show)
        group.post("requests/:request/events", use: record)
        group.post("requests/:request/subject", use: tie)
        group.get("requests/:request/package", use: package)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> RequestList {
        let caller = try context.requireIdentity()
        try Self.requireRegister(caller, changing: false)
        let all = try ApiFlag.parse(request.uri.queryParameters["all"], field: "all")
        let requests = try await Requests(vault: caller.vault).list(includingClosed: all)
        let register = Requests(vault: caller.vault)
        return RequestList(requests: try requests.map { try RequestDocument($0, in: register) })
    }

    @Sendable func create(
        _ request: Request, context: AppRequestContext
    ) async throws -> EditedResponse<RequestDocument> {
        let caller = try context.requireIdentity()
        try Self.requireRegister(caller, changing: true)
        let body = try await request.decode(as: RequestCreation.self, context: context)
        let subject = try body.subject.map { text in
            guard let id = UUIDText.parse(text) else { throw ApiError.badRequest("subject: not an id") }
            return id
        }
        let feeGround: FeeCase? = try body.feeGround.map { try ApiKeyword.parse($0, field: "feeGround") }
        if body.awaitsFee == true, feeGround == nil {
            throw ApiError.invalid(
                "feeGround: a fee is charged only on a ground the law allows; name it (manifestly_unfounded_or_excessive or further_copies)"
            )
        }
        let intake = RequestIntake(
            kind: try ApiKeyword.parse(body.kind, field: "kind"), subjectID: subject,
            channel: try ApiKeyword.parse(body.channel, field: "channel"),
            receivedOn: try ApiDay.parse(body.received, field: "received"), identityShown: body.identityShown ?? false,
            feeGround: feeGround, onBehalfAs: body.onBehalfAs, competence: body.competence)
        let stored = try await Requests(vault: caller.vault).open(intake, actor: caller.actor)
        return EditedResponse(
            status: .created, response: try RequestDocument(stored, in: Requests(vault: caller.vault)))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> RequestDetail {
        let caller = try context.requireIdentity()
        try Self.requireRegister(caller, changing: false)
        let id = try context.pathID("request", naming: "request")
        let shown = try await Requests(vault: caller.vault).show(id, asOf: try ApiDay.parse(nil, field: "day"))
        return RequestDetail(
            request: try RequestDocument(shown.request, in: Requests(vault: caller.vault)),
            events: shown.events.map {
                RequestDetail.Event(action: $0.action.rawValue, day: $0.day.iso, actor: $0.actor, reason: $0.reason)
            }, deadlineSteps: shown.deadline?.steps ?? [], deadlineWarning: shown.deadline?.warning)
    }

    @Sendable func record(_ request: Request, context: AppRequestContext) async throws -> RequestDocument {
        let caller = try context.requireIdentity()
        try Self.requireRegister(caller, changing: true)
        let id = try context.pathID("request", naming: "request")
        let body = try await request.decode(as: RequestEventCreation.self, context: context)
        let action: RequestEvent.Action = try ApiKeyword.parse(body.action, field: "action")
        if action == .received {
            throw ApiError.badRequest("action: a request is received when it is created (POST /requests)")
        }
        if action == .approved, !caller.token.role.holds(.approveErasures) {
            throw ApiError.forbidden("only the dpo role may approve")
        }
        let stored = try await Requests(vault: caller.vault).record(
            action, request: id, on: try ApiDay.parse(body.day, field: "day"), reason: body.reason, actor: caller.actor)
        return try RequestDocument(stored, in: Requests(vault: caller.vault))
    }

    /// Records the person a request is about (one made online from an address on file for no one).
    @Sendable func tie(_ request: Request, context: AppRequestContext) async throws -> RequestDocument {
        let caller = try context.requireIdentity()
        try Self.requireRegister(caller, changing: true)
        let id = try context.pathID("request", naming: "request")
        let body = try await request.decode(as: RequestTie.self, context: context)
        guard let subject = UUIDText.parse(body.subject) else { throw ApiError.badRequest("subject: not an id") }
        return try RequestDocument(
            try await Requests(vault: caller.vault).tie(id, to: subject, actor: caller.actor),
            in: Requests(vault: caller.vault))
    }

    /// The zip the person receives for an access request. Only the DPO, admins and staff make it:
    /// it holds the person's data in clear.
    @Sendable func package(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requireIdentity()
        try Self.requireRegister(caller, changing: true)
        let id = try context.pathID("request", naming: "request")
        let zip = try await Requests(vault: caller.vault).package(id, actor: caller.actor)
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/zip",
                .contentDisposition: "attachment; filename=\"access-\(id.uuidString.lowercased()).zip\"",
                .cacheControl: "no-store",
            ], body: .init(byteBuffer: ByteBuffer(bytes: zip)))
    }

    /// The register is the DPO's, admins' and office staff's; auditors may read it.
    static func requireRegister(_ caller: ApiCaller, changing: Bool) throws {
        switch caller.token.role {
        case .dpo, .admin, .staff: return
        case .auditor where !changing: return
        default:
            throw ApiError.forbidden(
                "the \(caller.token.role.rawValue) role may not \(changing ? "change" : "read") the register of requests"
            )
        }
    }
}
