import CustosServices
import Foundation
import Hummingbird

/// `/api/v1/schools`: the workspace's schools, and the people of one school.
struct ApiSchoolsController {
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("schools", use: list)
        group.post("schools", use: create)
        group.get("schools/:school/subjects", use: subjects)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> SchoolList {
        let caller = try context.requireIdentity()
        return SchoolList(
            schools: try await caller.vault.schools().map(SchoolDocument.init))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<SchoolDocument>
    {
        let caller = try context.requireIdentity()
        try caller.requireAdministrator(to: "change the workspace's schools")
        let body = try await request.decode(as: SchoolCreation.self, context: context)
        let school = try await caller.vault.addSchool(
            name: body.name, urn: body.urn, laCode: body.laCode, actor: caller.actor)
        return EditedResponse(status: .created, response: SchoolDocument(school))
    }

    @Sendable func subjects(_ request: Request, context: AppRequestContext) async throws -> SubjectList {
        let caller = try context.requireIdentity()
        try caller.requireAnyReach(.read)
        let schoolID = try context.pathID("school", naming: "school")
        if caller.token.role == .schoolLeader, caller.token.schoolID != schoolID {
            throw ApiError.notFound("there is no school \(schoolID) in this workspace")
        }
        let subjects = try await caller.vault.subjects(inSchool: schoolID, actor: caller.actor)
        return SubjectList(subjects: subjects.filter(caller.reaches).map(SubjectSummary.init))
    }
}
