/// `/` (`home`): the installation's own page, listing each workspace's privacy notice.
struct HomePage: PublicPage {
    static let template = "home"

    /// A workspace, as a link to its notice.
    struct Workspace: Sendable {
        let name: String
        let title: String
    }

    let workspaces: [Workspace]
    let hasWorkspaces: Bool
}
