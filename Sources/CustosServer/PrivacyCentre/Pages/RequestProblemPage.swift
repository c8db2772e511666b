/// `/privacy/{workspace}/request/confirm?token=…` (`privacy-request-problem`), when the link
/// cannot be used: malformed, expired, or for a request no longer held.
struct RequestProblemPage: PublicPage {
    static let template = "privacy-request-problem"

    /// The page's heading, too.
    let title: String
    let organisation: String
    let workspace: String
    /// What went wrong, and what to do.
    let message: String
}
