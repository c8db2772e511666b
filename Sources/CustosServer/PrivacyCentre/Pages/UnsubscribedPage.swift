/// `/privacy/{workspace}/unsubscribe?token=…`, posted (`privacy-preferences-unsubscribed`): the
/// person is unsubscribed.
struct UnsubscribedPage: PublicPage {
    static let template = "privacy-preferences-unsubscribed"

    let organisation: String
    let workspace: String
    /// What is stopped, as a sentence says it ("the monthly newsletter").
    let what: String
}
