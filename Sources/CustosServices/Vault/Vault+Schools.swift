import CustosCore
public import CustosStorage
public import Foundation

extension Vault {
    /// Adds a school to the workspace, audited; refuses a blank name, a malformed URN or LA code, and
    /// a second school with the same URN.
    @discardableResult
    public func addSchool(
        name: String, urn: String?, laCode: String?, actor: String, at time: Date = Date()
    ) async throws -> School {
        if name.allSatisfy(\.isWhitespace) { throw VaultError("name: a school needs a name", kind: .invalid) }
        if let urn, let problem = SchoolURN.problem(with: urn) { throw VaultError("urn: \(problem)", kind: .invalid) }
        if let laCode, laCode.count != 3 || Int(laCode).map(UniquePupilNumber.isValidLACode) != true {
            throw VaultError("la_code: not a local authority code (3 digits)", kind: .invalid)
        }
        if let urn, try await store.schools(in: workspace.id).contains(where: { $0.urn == urn }) {
            throw VaultError("a school with URN \(urn) already exists", kind: .conflict)
        }
        let school = School(id: UUID(), workspaceID: workspace.id, name: name, urn: urn, laCode: laCode)
        var changes = ChangeSet(workspaceID: workspace.id)
        changes.people.schools = [school]
        changes.audit = [
            event("school.add", actor: actor, at: time, detail: "school \(school.id)\(urn.map { " URN \($0)" } ?? "")")
        ]
        try await store.apply(changes)
        return school
    }

    /// The subjects who belong to a school (ids and plain dates, no personal data), audited.
    public func subjects(inSchool schoolID: UUID, actor: String, at time: Date = Date()) async throws -> [StoredSubject]
    {
        guard try await store.schools(in: workspace.id).contains(where: { $0.id == schoolID }) else {
            throw VaultError("there is no school \(schoolID) in this workspace", kind: .notFound)
        }
        let ids = try await store.subjectIDs(inSchool: schoolID, in: workspace.id)
        try await audit([
            event("school.subjects.list", actor: actor, at: time, detail: "school \(schoolID), \(ids.count) subjects")
        ])
        return try await store.subjects(ids, in: workspace.id)
    }

    /// The people `ids` with their records, opened, for a `purpose`. People whose data is
    /// restricted or objected to for the purpose, merged or erased are left out. The view is
    /// audited as one `subject.read` entry naming every person shown (``AuditEvent/shown``), which
    /// each one's own trail lists, written before anything is returned.
    /// Staff read many people through the door (``read(subjects:as:purpose:reason:at:)``).
    func read(
        subjects ids: [UUID], actor: String, purpose: String?, reason: String? = nil, at time: Date = Date()
    ) async throws -> [SubjectView] {
        var excluded: Set<UUID> = []
        if let purpose { excluded = try await stopped(for: purpose, among: ids) }
        var views: [SubjectView] = []
        for subject in try await store.subjects(ids.filter { !excluded.contains($0) }, in: workspace.id)
        where subject.mergedInto == nil && subject.key != nil {
            let (view, _) = try await unauditedView(
                subject: subject.id, actor: actor, purpose: nil, reason: reason, at: time)
            views.append(view)
        }
        guard !views.isEmpty else { return views }
        try await audit([
            event(
                "subject.read", actor: actor, at: time, purpose: purpose, reason: reason,
                detail: "\(views.count) \(views.count == 1 ? "person" : "people") shown",
                shown: views.map(\.subject.id))
        ])
        return views
    }
}
