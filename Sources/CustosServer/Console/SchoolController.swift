import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/console/school`: a school leader's own school, as BEP's "My CPD" promises. Its people, with
/// only the fields the policy's access rules show a school leader (BEP: first name, surname and
/// job title), and the records of types the leader may `authorise` (BEP's CPD requests) that
/// wait for it, each with a button that records the leader as their authoriser. Another school's
/// record reads exactly as an unknown one.
struct SchoolController: Sendable {
    let pages: ConsolePages

    @Sendable func show(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let vault = user.vault
        guard let schoolID = user.account.schoolID,
            let school = try await vault.school(schoolID)
        else {
            return problem(user, context, "No school", "Your account is not tied to a school.", status: .notFound)
        }
        let number = Pager.pageNumber(request.uri.queryParameters.get("page"))
        let newestFirst = request.uri.queryParameters.get("order") == "newest"
        let approvals = try await SchoolApprovals(user: user).list(
            ofSchool: schoolID, page: number, newestFirst: newestFirst)
        var page = SchoolPage(
            schoolName: school.name,
            authorised: request.uri.queryParameters.get("authorised") != nil,
            authorises: vault.policy.recordTypes.contains { user.access.grant(.authorise, recordType: $0.id) != nil },
            waiting: approvals.waiting, done: approvals.done,
            columns: approvals.table.columns.map(\.displayLabel),
            people: approvals.table.rows(approvals.people, inOrder: true))
        if approvals.table.purpose != nil {
            page.pager = Pager(
                page: number, pageSize: SchoolApprovals.pageSize, shown: approvals.listed,
                total: approvals.total
            ) { "/console/school?page=\($0)" + (newestFirst ? "&order=newest" : "") }
            page.newestFirst = newestFirst
        }
        return pages.render(
            page, frame: ConsoleFrame(title: "Your school", current: "/console/school", user: user, context: context))
    }

    @Sendable func authorise(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let vault = user.vault
        guard let text = context.parameters.get("record"), let recordID = UUIDText.parse(text),
            case let parts = try await vault.parts(ofRecord: recordID),
            let first = parts.first, let type = vault.policy.recordType(first.type),
            user.access.grant(.authorise, recordType: type.id) != nil,
            let owner = type.roles.first?.name, let ownerPart = parts.first(where: { $0.role == owner }),
            try await user.reachableSubject(ownerPart.subjectID) != nil,
            let field = Self.authoriserField(of: type)
        else {
            return problem(
                user, context, "No such request", "There is nothing to authorise with that id at your school.",
                status: .notFound)
        }
        guard !parts.contains(where: { $0.role != owner }) else {
            return problem(
                user, context, "Already authorised", "This request was authorised already.", status: .conflict)
        }
        // The leader's act is theirs: the door joins it to their own record, found by their
        // account's email address, and never makes a person of them.
        do {
            try await vault.authorise(
                record: recordID, field: field, as: user.user, email: user.account.email, name: user.account.name)
        } catch let refusal as UseRefusal {
            return problem(user, context, "This request cannot be authorised", refusal.message, status: .forbidden)
        } catch let error as VaultError where error.kind == .conflict {
            return problem(
                user, context, "This request cannot be authorised now",
                "Custos says: \(error.message). An authorisation is kept with your own record, found by your email address: if yours is not held, register with the privacy centre or ask the office to add you (or to merge your records), then authorise again.",
                status: .conflict)
        }
        return SignInController.redirect("/console/school?authorised")
    }

    /// The field a leader's authorisation fills: the first of the record type's fields that
    /// describe someone other than its owner (BEP's `authorised_by`), a name if there is one.
    static func authoriserField(of type: RecordType) -> RecordField? {
        let owner = type.roles.first?.name
        let others = type.fields.filter { type.role(of: $0)?.name != owner }
        return others.first { $0.category.hasPrefix("user.name") } ?? others.first
    }

    private func problem(
        _ user: ConsoleUser, _ context: ConsoleRequestContext, _ heading: String, _ message: String,
        status: HTTPResponse.Status
    ) -> Response {
        pages.problem(title: heading, heading: heading, message: message, user: user, context: context, status: status)
    }
}
