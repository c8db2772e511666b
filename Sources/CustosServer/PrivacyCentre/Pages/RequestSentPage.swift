/// `/privacy/{workspace}/request/sent` (`privacy-request-sent`): "check your email", the same
/// whatever address was given.
struct RequestSentPage: PublicPage {
    static let template = "privacy-request-sent"

    let title: String
    let organisation: String
    let workspace: String
    /// How many hours the confirmation link lasts.
    let hours: Int
}
