/// `/privacy/{workspace}/unsubscribe?token=…`, followed (`privacy-preferences-unsubscribe`): asks
/// before unsubscribing, since a GET, as mail scanners make, must change nothing.
struct UnsubscribePage: PublicPage {
    static let template = "privacy-preferences-unsubscribe"

    let organisation: String
    let workspace: String
    /// What the link stops, as a sentence says it ("the monthly newsletter").
    let what: String
    /// The link's token, which the form posts back.
    let token: String
}
