/// `/console/requests` (`console-requests`): the register of requests, soonest deadline first.
struct RequestsPage: ConsolePage {
    static let template = "console-requests"

    /// A request as a row of a table of requests: what, how it came, its state and its deadline.
    struct Row: Sendable {
        let link: String
        let kind: String
        let channel: String
        let state: String
        let received: String
        let due: String
        let left: String
        let dueClass: String
    }

    let requests: [Row]
    /// Whether the user logs requests that came by email, phone, letter or in person.
    var logsRequests = false
}
