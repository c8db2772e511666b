/// `/console/requests` (`console-requests`): the register of requests, open ones soonest deadline
/// first by default, filtered by where they stand and their kind, in the order chosen, 50 a page.
struct RequestsPage: ConsolePage {
    static let template = "console-requests"

    /// A request as a row of a table of requests: what, how it came, its state and its deadline.
    struct Row: Sendable {
        let link: String
        /// The reference people quote, e.g. R-2026-0042.
        let reference: String
        let kind: String
        let channel: String
        let state: String
        let received: String
        let due: String
        let left: String
        let dueClass: String
    }

    /// A choice of one of the filters.
    typealias Choice = PageChoice

    let requests: [Row]
    /// Whether the user logs requests that came by email, phone, letter or in person.
    var logsRequests = false
    /// The filters, each with the choice made.
    var standings: [Choice] = []
    var kinds: [Choice] = []
    var orders: [Choice] = []
    /// Where the page stands among the pages of requests.
    var pager: Pager?
    /// Whether the list is filtered to other than the open requests.
    var filtered = false
    /// A reference searched for, shown again, and why it found nothing.
    var reference = ""
    var referenceError: String?
    var problems: [PageProblem] = []
}
