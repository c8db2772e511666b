import CustosServices
import Foundation
import Hummingbird

/// `/api/v1/subjects`: find people by identifier, and read one person with their records.
struct ApiSubjectsController {
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("subjects/search", use: search)
        group.get("subjects/:subject", use: show)
    }

    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> SubjectList {
        let caller = try context.requireIdentity()
        try caller.requireAnyReach(.read)
        let body = try await request.decode(as: IdentifierSearch.self, context: context)
        let vault = caller.vault
        let kinds = vault.policy.identifierKinds
        guard kinds.contains(body.kind) else {
            throw ApiError.invalid(
                "kind: the policy holds no identifier '\(body.kind)' (identifiers: \(kinds.sorted().joined(separator: ", ")))"
            )
        }
        let ids = try await vault.subjectIDs(identifierKind: body.kind, value: body.value)
        let found = try await vault.subjects(ids, reachableBy: caller.access)
        let headers = try ApiAccessHeaders(request)
        try await vault.audit([
            caller.event(
                "subject.search", purpose: try caller.checkedPurpose(headers.purpose), reason: headers.reason,
                detail: "\(found.count) found")
        ])
        return SubjectList(subjects: found.map(SubjectSummary.init))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> SubjectDocument {
        let caller = try context.requireIdentity()
        try caller.requireAnyReach(.read)
        let id = try context.pathID("subject", naming: "subject")
        let headers = try ApiAccessHeaders(request)
        let view = try await caller.vault.read(
            subject: id, as: caller.user, purpose: headers.purpose, ground: headers.restrictedUseGround,
            reason: headers.reason)
        return SubjectDocument(view)
    }
}
