/// `/console/people` (`console-people`): the search for a person by an exact identifier, and what it found.
struct PeoplePage: ConsolePage {
    static let template = "console-people"

    /// A kind of identifier the search offers, as an option of its list.
    typealias Kind = PageChoice

    /// A person found, as an item of the results: a link to their page, and enough to tell them apart.
    struct Person: Sendable {
        let id: String
        let shortID: String
        let kind: String
        let school: String
        let since: String
    }

    /// What the user's role finds (a school leader their school's people), or nothing.
    let scopeNote: String
    let kinds: [Kind]
    /// The identifier typed, shown again.
    let value: String
    var valueError: String?
    var problems: [PageProblem] = []
    /// Whether a search was made, and so the results are shown.
    var searched = false
    /// The kind of identifier searched for, as a sentence says it.
    var kindLabel = ""
    var results: [Person] = []
}
