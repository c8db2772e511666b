import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/api/v1/requests/{request}/erasure` and `/certificate`: an erasure request assessed against
/// the exemptions, carried out, and its certificate. Whoever works on the register may assess and
/// carry out; where the policy asks, the DPO must have approved first.
struct ApiErasureController {
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("requests/:request/erasure", use: assess)
        group.post("requests/:request/erasure", use: carryOut)
        group.get("requests/:request/certificate", use: certificate)
    }

    @Sendable func assess(_ request: Request, context: AppRequestContext) async throws -> ErasureAssessmentDocument {
        let caller = try context.requireIdentity()
        try ApiRequestsController.requireRegister(caller, changing: false)
        let id = try context.pathID("request", naming: "request")
        let query = request.uri.queryParameters
        let despite = query["erase_despite"].map { $0.split(separator: ",").map(String.init) } ?? []
        let assessment = try await Erasures(vault: caller.vault).assess(
            request: id, on: try ApiDay.parse(query["day"].map(String.init), field: "day"),
            eraseDespite: Set(despite))
        return ErasureAssessmentDocument(assessment)
    }

    @Sendable func carryOut(
        _ request: Request, context: AppRequestContext
    ) async throws -> ErasureCertificateDocument {
        let caller = try context.requireIdentity()
        try ApiRequestsController.requireRegister(caller, changing: true)
        let id = try context.pathID("request", naming: "request")
        let body = try await request.decode(as: ErasureExecution.self, context: context)
        let certificate = try await Erasures(vault: caller.vault).carryOut(
            request: id, ground: try ApiKeyword.parse(body.ground, field: "ground"),
            eraseDespite: Set(body.eraseDespite ?? []), on: try ApiDay.parse(body.day, field: "day"),
            actor: caller.actor)
        return ErasureCertificateDocument(certificate: certificate)
    }

    @Sendable func certificate(
        _ request: Request, context: AppRequestContext
    ) async throws -> ErasureCertificateDocument {
        let caller = try context.requireIdentity()
        try ApiRequestsController.requireRegister(caller, changing: false)
        let id = try context.pathID("request", naming: "request")
        return ErasureCertificateDocument(certificate: try await Erasures(vault: caller.vault).certificate(request: id))
    }
}
