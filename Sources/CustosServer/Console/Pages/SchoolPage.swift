/// `/console/school` (`console-school`): a school leader's school, its people and requests to authorise.
struct SchoolPage: ConsolePage {
    static let template = "console-school"

    /// A record of a type the leader authorises (a CPD request), waiting for it or authorised already.
    struct RequestRow: Sendable {
        /// Whom it is about, as the people table names them.
        let who: String
        /// Its fields the leader may read, each as "Label: value", joined by semicolons.
        let what: String
        /// The record type's name.
        let kind: String
        /// The record's id, for the authorise form's address.
        let record: String
        let received: String
    }

    let schoolName: String
    /// Whether the page follows an authorisation just recorded.
    let authorised: Bool
    /// Whether the leader may authorise any record type, and so sees the requests.
    let authorises: Bool
    let waiting: [RequestRow]
    let done: [RequestRow]
    /// The people table's column headings.
    let columns: [String]
    /// This page of the school's people.
    let people: [PeopleTable.Row]
    /// Where the page stands among the pages of people; none when the leader reads no one.
    var pager: Pager?
    /// Whether the latest added are listed first.
    var newestFirst = false
}
