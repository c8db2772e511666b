/// `/privacy/{workspace}/versions` (`privacy-notice-versions`): the versions of the workspace's
/// notice, newest first, each with the day it took effect and what changed from the one before.
/// Built by ``NoticeVersionsPage``.
struct VersionsPage: PublicPage {
    static let template = "privacy-notice-versions"

    /// A version of the notice.
    struct Version: Sendable {
        /// 1 for the first, then 2, 3, …
        let number: Int
        /// Whether it is the version in force.
        let current: Bool
        /// Whether it is the first version, which changed nothing.
        let first: Bool
        /// The day it took effect, as a sentence says it.
        let day: String
        /// What changed from the version before, a sentence a change; none for the first, for a
        /// change of wording alone, or where this version's policy no longer reads.
        let changes: [String]
    }

    let organisation: String
    let workspace: String
    /// Newest first.
    let versions: [Version]
}
