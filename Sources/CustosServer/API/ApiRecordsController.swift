import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/api/v1/records`: write a record (the people in it found by identifier or made), read one,
/// change some of its fields.
struct ApiRecordsController {
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("records", use: create)
        group.get("records/:record", use: show)
        group.patch("records/:record", use: change)
    }

    @Sendable func create(
        _ request: Request, context: AppRequestContext
    ) async throws -> EditedResponse<RecordWriteResult> {
        let caller = try context.requireIdentity()
        let body = try await request.decode(as: RecordCreation.self, context: context)
        let vault = caller.vault
        guard let type = vault.policy.recordType(body.type) else {
            throw ApiError.invalid("type: the policy has no record type '\(body.type)'")
        }
        _ = try caller.writeGrant(recordType: type.id)
        if let school = body.school,
            try await vault.school(school) == nil
        {
            throw ApiError.invalid("school: there is no school \(school) in this workspace")
        }
        let warnings = RecordValidator(recordType: type).validate(body.values).problems.filter(\.isWarning)
        let headers = try ApiAccessHeaders(request)
        let outcome = try await vault.write(
            RecordInput(
                type: type, values: body.values, source: body.source ?? .person, schoolID: body.school,
                subjects: try await reachable(body.subjects ?? [:], of: type, caller: caller),
                isAnotherRecord: body.subjects?.isEmpty == false),
            as: caller.user, purpose: headers.purpose, reason: headers.reason)
        switch outcome {
        case .created(let id, let subjects, _):
            return EditedResponse(
                status: .created,
                response: RecordWriteResult(
                    record: id, outcome: "created", subjects: subjects, warnings: warnings.map(Self.problem)))
        case .updated(let id, let subjects):
            return EditedResponse(
                status: .ok,
                response: RecordWriteResult(
                    record: id, outcome: "updated", subjects: subjects, warnings: warnings.map(Self.problem)))
        case .suppressed(let role):
            throw ApiError(
                status: .conflict, code: "suppressed",
                message: "an identifier of the \(role) belongs to an erased person; nothing was written")
        case .schoolNotHeld(let field):
            throw ApiError.invalid("\(field): the workspace holds no school with this URN")
        case .schoolNeeded(let field):
            throw ApiError.invalid(VaultError.schoolNeeded(field: field).message)
        case .personNotFound(let role):
            throw ApiError.notFound("subjects.\(role): no one held is found; nothing was written, and no one was made")
        }
    }

    /// The people named by role, each a role of `type` and within the caller's reach; out of
    /// reach reads as not found.
    private func reachable(
        _ subjects: [String: UUID], of type: RecordType, caller: ApiCaller
    ) async throws -> [String: UUID] {
        for (role, id) in subjects {
            guard type.roles.contains(where: { $0.name == role }) else {
                throw ApiError.invalid("subjects: \(type.id) records have no role '\(role)'")
            }
            _ = try await caller.reachableSubject(id)
        }
        return subjects
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> RecordDocument {
        let caller = try context.requireIdentity()
        let (id, type) = try await reach(request, context: context, caller: caller, for: .read)
        let headers = try ApiAccessHeaders(request)
        let views = try await caller.vault.read(
            record: id, as: caller.user, purpose: headers.purpose, ground: headers.restrictedUseGround,
            reason: headers.reason)
        return RecordDocument(id: id, type: type, parts: views.map(RecordPartDocument.init))
    }

    @Sendable func change(_ request: Request, context: AppRequestContext) async throws -> RecordWriteResult {
        let caller = try context.requireIdentity()
        let (id, type) = try await reach(request, context: context, caller: caller, for: .update)
        _ = try caller.writeGrant(recordType: type)
        let body = try await request.decode(as: RecordChange.self, context: context)
        guard !body.values.isEmpty else { throw ApiError.badRequest("values: name at least one field to change") }
        let headers = try ApiAccessHeaders(request)
        let outcome = try await caller.vault.update(
            record: id, changes: body.values, as: caller.user, purpose: headers.purpose, reason: headers.reason)
        guard case .updated(_, let subjects) = outcome else { throw ApiError.notFound("there is no record \(id)") }
        return RecordWriteResult(record: id, outcome: "updated", subjects: subjects, warnings: [])
    }

    /// The record named in the path, checked to be within the caller's reach for `action`
    /// (judged by its first role's person); out of reach reads as not found.
    private func reach(
        _ request: Request, context: AppRequestContext, caller: ApiCaller, for action: AccessAction
    ) async throws -> (UUID, String) {
        let id = try context.pathID("record", naming: "record")
        let vault = caller.vault
        let parts = try await vault.parts(ofRecord: id)
        guard let first = parts.first else { throw ApiError.notFound("there is no record \(id) in this workspace") }
        _ = try caller.grant(action, recordType: first.type)
        let ownerRole = vault.policy.recordType(first.type)?.roles.first?.name
        let owner = parts.first { $0.role == ownerRole } ?? first
        guard try await !vault.subjects([owner.subjectID], reachableBy: caller.access).isEmpty else {
            throw ApiError.notFound("there is no record \(id) in this workspace")
        }
        return (id, first.type)
    }

    private static func problem(_ problem: FieldProblem) -> ErrorDocument.Problem {
        ErrorDocument.Problem(field: problem.field, message: problem.message, warning: problem.isWarning)
    }
}
