/// `/console/duplicates` (`console-duplicates`): groups of people who may be one person twice
/// (the same name at the same school, or a shared identifier), each with a link to review and
/// merge them.
struct DuplicatesPage: ConsolePage {
    static let template = "console-duplicates"

    /// A link to the merge form of the group's first person and one other.
    struct Review: Sendable {
        let link: String
        let label: String
    }

    /// People who may be one person, oldest first.
    struct Group: Sendable {
        let people: [PeoplePage.Person]
        let reviews: [Review]
    }

    /// What was just done, when the page follows a merge.
    var notice: String?
    let groups: [Group]
    let pager: Pager
}
