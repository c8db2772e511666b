import CustosCore

/// The values every signed-in page's frame needs: the organisation, the user, the form token for
/// the sign-out form, and the navigation, holding only what the user's role may open.
enum ConsoleFrame {
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

    static func values(
        title: String, current: String, user: ConsoleUser, context: ConsoleRequestContext
    ) -> [String: Any] {
        [
            "title": title,
            "organisation": user.vault.workspace.title,
            "userName": user.account.name,
            "roleName": roleName(user.role),
            "formToken": context.sessions.session?.formToken ?? "",
            "nav": sections.filter { user.may($0.ability) }.map { section -> [String: Any] in
                ["label": section.label, "href": section.href, "current": section.href == current]
            },
        ]
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
