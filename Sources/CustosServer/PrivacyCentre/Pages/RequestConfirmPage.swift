/// `/privacy/{workspace}/request/confirm?token=…`, followed (`privacy-request-confirm`): asks the
/// requester to confirm, since a GET, as mail scanners make, must confirm nothing.
struct RequestConfirmPage: PublicPage {
    static let template = "privacy-request-confirm"

    let title: String
    let organisation: String
    let workspace: String
    /// The link's token, which the confirming form posts back.
    let token: String
}
