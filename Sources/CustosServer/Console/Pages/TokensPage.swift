/// `/console/tokens` (`console-tokens`): the workspace's API tokens, a token just made, and the
/// form to make one, shown again with its problem when refused.
struct TokensPage: ConsolePage {
    static let template = "console-tokens"

    /// A token, as a row of the table of them.
    struct Token: Sendable {
        let id: String
        let name: String
        /// The role it acts with, and a school leader's school.
        let role: String
        let made: String
        /// "Live", or when it was revoked.
        let state: String
        /// Whether it may still be used, so revoked.
        let live: Bool
    }

    /// A role a token may be made with: its value in the form, and its name.
    struct RoleChoice: Sendable {
        let value: String
        let label: String
    }

    /// A school a school leader's token may be limited to.
    struct SchoolChoice: Sendable {
        let id: String
        let name: String
    }

    /// The token just made, shown this once.
    var madeToken: String?
    let tokens: [Token]
    let roles: [RoleChoice]
    /// The workspace's schools, by name.
    let schools: [SchoolChoice]
    var nameError: String?
    var schoolError: String?
    var problems: [PageProblem] = []
}
