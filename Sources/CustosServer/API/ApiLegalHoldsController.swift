import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/api/v1/legal-holds`: holds that keep data from erasure and the retention sweep. The DPO and
/// admins place and release them; staff and auditors read them.
struct ApiLegalHoldsController {
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("legal-holds", use: list)
        group.post("legal-holds", use: place)
        group.post("legal-holds/:hold/release", use: release)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> LegalHoldList {
        let caller = try context.requireIdentity()
        try ApiRequestsController.requireRegister(caller, changing: false)
        let all = try ApiFlag.parse(request.uri.queryParameters["all"], field: "all")
        let holds = try await LegalHolds(vault: caller.vault).list(includingReleased: all)
        return LegalHoldList(holds: holds.map(LegalHoldDocument.init))
    }

    @Sendable func place(
        _ request: Request, context: AppRequestContext
    ) async throws -> EditedResponse<LegalHoldDocument> {
        let caller = try context.requireIdentity()
        try requireHolds(caller)
        let body = try await request.decode(as: LegalHoldCreation.self, context: context)
        let subject = try body.subject.map { text in
            guard let id = UUIDText.parse(text) else { throw ApiError.badRequest("subject: not an id") }
            return id
        }
        let hold = try await LegalHolds(vault: caller.vault).place(
            subject: subject, recordType: body.recordType, reason: body.reason,
            on: try ApiDay.parse(body.day, field: "day"), until: try ApiDay.optional(body.until, field: "until"),
            actor: caller.actor)
        return EditedResponse(status: .created, response: LegalHoldDocument(hold))
    }

    @Sendable func release(_ request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status {
        let caller = try context.requireIdentity()
        try requireHolds(caller)
        let id = try context.pathID("hold", naming: "legal hold")
        let day = try ApiDay.parse(request.uri.queryParameters["day"].map(String.init), field: "day")
        try await LegalHolds(vault: caller.vault).release(id, on: day, actor: caller.actor)
        return .noContent
    }

    /// Holds are a legal matter: the DPO's and admins'.
    private func requireHolds(_ caller: ApiCaller) throws {
        guard [.dpo, .admin].contains(caller.token.role) else {
            throw ApiError.forbidden("the \(caller.token.role.rawValue) role may not place or release legal holds")
        }
    }
}
