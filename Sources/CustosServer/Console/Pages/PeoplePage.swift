/// `/console/people` (`console-people`): the search for a person by name or by an exact
/// identifier, and what it found.
struct PeoplePage: ConsolePage {
    static let template = "console-people"

    /// A kind of search (a name, or a kind of identifier), as an option of its list.
    typealias Kind = PageChoice

    /// A person found, as an item of the results: a link to their page, and enough to tell them apart.
    struct Person: Sendable {
        let id: String
        /// Their display name, where the door shows it.
        let displayName: String?
        let shortID: String
        let kind: String
        let school: String
        let since: String
        /// How the list names them: their display name, else their kind and short id.
        let label: String

        init(id: String, displayName: String?, shortID: String, kind: String, school: String, since: String) {
            self.id = id
            self.displayName = displayName
            self.shortID = shortID
            self.kind = kind
            self.school = school
            self.since = since
            label = displayName ?? "\(kind) \(shortID)"
        }
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
    /// Whether more were found than are listed.
    var more = false
}
