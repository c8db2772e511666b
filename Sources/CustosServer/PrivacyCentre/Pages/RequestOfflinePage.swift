/// `/privacy/{workspace}/request` (`privacy-request-offline`), where the policy takes no requests
/// online: the ways it takes them instead, and the addresses to write to.
struct RequestOfflinePage: PublicPage {
    static let template = "privacy-request-offline"

    /// An address to make a request at: email, telephone or post.
    struct Contact: Sendable {
        /// How it is reached ("Email").
        let label: String
        let value: String
        /// Where the address is a link (`mailto:`); none for a number or a postal address.
        var href: String?
    }

    let title: String
    let organisation: String
    let workspace: String
    /// The ways the policy takes requests, as a sentence says them ("by email or by letter").
    let ways: String
    let contacts: [Contact]
    let hasContacts: Bool
    /// The kinds of request the policy takes, in plain English.
    let kinds: [String]
    /// How long an answer takes ("one month").
    let deadline: String
}
