import CustosCore
public import Foundation

extension Vault {
    /// Adds a school to the workspace, audited; refuses a second school with the same URN.
    @discardableResult
    public func addSchool(
        name: String, urn: String?, laCode: String?, actor: String, at time: Date = Date()
    ) async throws -> School {
        if let urn, try await store.schools(in: workspace.id).contains(where: { $0.urn == urn }) {
            throw VaultError("a school with URN \(urn) already exists")
        }
        let school = School(id: UUID(), workspaceID: workspace.id, name: name, urn: urn, laCode: laCode)
        var changes = ChangeSet(workspaceID: workspace.id)
        changes.schools = [school]
        changes.audit = [
            event("school.add", actor: actor, at: time, detail: "school \(school.id)\(urn.map { " URN \($0)" } ?? "")")
        ]
        try await store.apply(changes)
        return school
    }
}
