import CustosCore

/// What every console page's frame shows (`console-layout`): the page's title, the organisation,
/// the user, the form token for the sign-out form, and the navigation, holding only what the
/// user's role may open. Before sign-in it has the title alone.
struct ConsoleFrame: Sendable {
    /// A link of the navigation.
    struct Link: Sendable {
        let label: String
        let href: String
        let current: Bool
    }

    var title: String
    var organisation: String?
    var userName: String?
    var roleName: String?
    var formToken = ""
    var nav: [Link] = []
    /// Seconds after which the page reloads itself (an import under way); none by default.
    var refresh: Int?

    private static let sections: [(label: String, href: String, ability: ConsoleAbility)] = [
        ("Dashboard", "/console", .viewDashboard),
        ("Your school", "/console/school", .leadSchool),
        ("Your courses", "/console/events", .deliverEvents),
        ("People", "/console/people", .findPeople),
        ("Add a record", "/console/records/new", .addRecords),
        ("Import", "/console/imports", .importRecords),
        ("Requests", "/console/requests", .viewRequests),
        ("Registers", "/console/registers", .viewRegisters),
        ("Policy", "/console/policy", .viewPolicy),
        ("Audit log", "/console/audit", .viewAudit),
        ("API tokens", "/console/tokens", .manageTokens),
    ]

    /// The frame of a page before sign-in: the title alone.
    init(title: String) {
        self.title = title
    }

    /// The frame of a signed-in user's page; `current` is the navigation link the page belongs to.
    init(title: String, current: String, user: ConsoleUser, context: ConsoleRequestContext) {
        self.title = title
        organisation = user.vault.workspace.title
        userName = user.account.name
        roleName = Self.roleName(user.role)
        formToken = context.sessions.session?.formToken ?? ""
        nav = Self.sections.filter { user.may($0.ability) }.map {
            Link(label: $0.label, href: $0.href, current: $0.href == current)
        }
    }

    /// A role as people say it.
    static func roleName(_ role: StaffRole) -> String {
        switch role {
        case .dpo: "data protection officer"
        case .admin: "administrator"
        case .staff: "staff"
        case .schoolLeader: "school leader"
        case .trainer: "trainer"
        case .auditor: "auditor"
        }
    }
}
