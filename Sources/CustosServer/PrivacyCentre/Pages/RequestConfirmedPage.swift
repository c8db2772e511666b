/// `/privacy/{workspace}/request/confirm?token=…`, posted (`privacy-request-confirmed`): the
/// request is confirmed, with its reference and, once it is started, the day it is answered by.
struct RequestConfirmedPage: PublicPage {
    static let template = "privacy-request-confirmed"

    let title: String
    let organisation: String
    let workspace: String
    let reference: String
    /// Whether the request is made for someone else, whose right to ask staff check.
    let forSomeoneElse: Bool
    /// The day it is answered by; none while staff check who the requester is, and the page says so.
    var dueOn: String?
}
