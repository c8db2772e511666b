import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// `/console/tokens`: the workspace's API tokens. Making one shows it once; revoking stops it at
/// once. Both go through ``AccessTokens``, which keeps only a hash and audits. A school leader's
/// token is limited to the school chosen with it.
struct TokensController: Sendable {
    let pages: ConsolePages

    /// The roles a token may be made with here.
    static let roles: [StaffRole] = [.staff, .auditor, .admin, .dpo, .schoolLeader]

    /// The roles `user` may make a token with: those whose powers are all the user's own.
    static func roles(for user: ConsoleUser) -> [StaffRole] { roles.filter(user.role.mayGrant) }

    @Sendable func list(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        return try await page(user, context)
    }

    @Sendable func make(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        let body = try await FormBody.read(request)
        let name = body.value("name")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard let role = body.value("role").flatMap(StaffRole.init(rawValue:)), Self.roles(for: user).contains(role)
        else {
            return try await page(user, context, problem: ("token-role", "Choose a role from the list"))
        }
        guard !name.isEmpty, name.count <= 100 else {
            return try await page(
                user, context, problem: ("token-name", "Say what the token is for, in 1 to 100 characters"))
        }
        // A school leader's token names its school; no other role's does.
        let schools = try await user.vault.schools()
        let schoolText = body.value("school") ?? ""
        let school = schools.first { $0.id.uuidString.lowercased() == schoolText.lowercased() }
        if role == .schoolLeader, school == nil {
            return try await page(
                user, context, problem: ("token-school", "Choose the school a school leader's token is for"))
        }
        if role != .schoolLeader, !schoolText.isEmpty {
            return try await page(
                user, context,
                problem: ("token-school", "Only a school leader's token is limited to a school: leave the school empty")
            )
        }
        let issued = try await user.vault.accessTokens.issue(
            name: name, role: role, schoolID: school?.id, in: user.vault.workspace, by: user.actor,
            makerRole: user.role)
        return try await page(user, context, made: issued.bearer)
    }

    @Sendable func revoke(_ request: Request, context: ConsoleRequestContext) async throws -> Response {
        let user = try context.user()
        guard let text = context.parameters.get("token"), let id = UUIDText.parse(text),
            try await user.vault.accessTokens.token(id: id)?.workspaceID == user.vault.workspace.id
        else {
            return pages.problem(
                title: "Not found", heading: "No such token",
                message: "There is no token with that id in this workspace.", user: user, context: context,
                status: .notFound)
        }
        try await user.vault.accessTokens.revoke(id: id, in: user.vault.workspace, by: user.actor)
        return SignInController.redirect("/console/tokens")
    }

    private func page(
        _ user: ConsoleUser, _ context: ConsoleRequestContext, made: String? = nil,
        problem: (field: String, message: String)? = nil
    ) async throws -> Response {
        let frame = ConsoleFrame(title: "API tokens", current: "/console/tokens", user: user, context: context)
        let schools = try await user.vault.schools()
        let schoolNames = Dictionary(schools.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let tokens = try await user.vault.accessTokens.tokens(in: user.vault.workspace.id).map { token in
            TokensPage.Token(
                id: token.id.uuidString.lowercased(), name: token.name,
                role: ConsoleFrame.roleName(token.role)
                    + (token.schoolID.flatMap { id in schoolNames[id] }.map { " (\($0))" } ?? ""),
                made: PageText.time(token.createdAt),
                state: token.revokedAt.map { "Revoked \(PageText.time($0))" } ?? "Live",
                live: token.revokedAt == nil)
        }
        var page = TokensPage(
            madeToken: made, tokens: tokens,
            roles: Self.roles(for: user).map {
                TokensPage.RoleChoice(value: $0.rawValue, label: ConsoleFrame.roleName($0))
            },
            schools: schools.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
                .map { TokensPage.SchoolChoice(id: $0.id.uuidString.lowercased(), name: $0.name) })
        if let problem {
            page.problems = [PageProblem(field: problem.field, problem.message)]
            if problem.field == "token-name" { page.nameError = problem.message }
            if problem.field == "token-school" { page.schoolError = problem.message }
        }
        return pages.render(page, frame: frame, status: problem == nil ? .ok : .badRequest)
    }
}
