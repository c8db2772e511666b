/// `/console/events` (`console-events`): a trainer's courses, each with the people booked on it.
struct EventsPage: ConsolePage {
    static let template = "console-events"

    /// A course the trainer's account names, with its attendees.
    struct Event: Sendable {
        let name: String
        let count: Int
        let people: [PeopleTable.Row]
    }

    /// The people tables' column headings.
    var columns: [String] = []
    let events: [Event]
}
