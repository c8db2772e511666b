/// `/console/imports` (`console-imports`): the form to import a CSV file, shown again with its
/// problem when refused, and the user's imports.
struct ImportsPage: ConsolePage {
    static let template = "console-imports"

    /// A choice of one of the form's lists: a kind of record, a purpose or a school.
    struct Choice: Sendable {
        let id: String
        let name: String
    }

    /// An import of the user's, as a row of the table of them.
    struct Job: Sendable {
        let link: String
        let fileName: String
        let typeName: String
        let started: String
        let state: String
    }

    /// The kinds of record the user may add.
    let types: [Choice]
    /// The purposes the user's role may write some of those kinds for, in the policy's order.
    let purposes: [Choice]
    /// The largest file taken, in megabytes.
    let maxMegabytes: Int
    /// The schools a file may be for.
    let schools: [Choice]
    let jobs: [Job]
    var typeError: String?
    var purposeError: String?
    var schoolError: String?
    var fileError: String?
    var problems: [PageProblem] = []
}
