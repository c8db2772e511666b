/// `/console/imports/{job}` (`console-import-job`): an import, while it runs (the page refreshing
/// itself) and then its report, or why it stopped.
struct ImportJobPage: ConsolePage {
    static let template = "console-import-job"

    /// A finished import's report: the counts, and the first problems.
    struct Report: Sendable {
        let refusedFile: Bool
        let rows: Int
        let created: Int
        let updated: Int
        let suppressed: Int
        let rejected: Int
        let newSubjects: Int
        let rowsWithWarnings: Int
        let problemCount: Int
        let hasReportProblems: Bool
        /// Whether there are more problems than the page shows.
        let moreProblems: Bool
        let reportProblems: [Problem]
    }

    /// A problem of the report, as a row of its table.
    struct Problem: Sendable {
        let line: Int
        let field: String
        let message: String
        /// "warning" or "error".
        let severity: String
    }

    let fileName: String
    let typeName: String
    /// Whether the import only checks, writing nothing.
    let dryRun: Bool
    let started: String
    /// Whether it is under way, and the rows read so far.
    var running = false
    var rowsRead: Int?
    /// The report, once it is finished, and the link to all its problems as CSV.
    var report: Report?
    var problemsLink: String?
    /// Why it stopped, when it failed.
    var failure: String?
}
