/// What an import did (or, in a dry run, would do).
public struct ImportReport: Sendable, Hashable, Codable {
    public var dryRun: Bool
    /// Data rows read, the heading not counted.
    public var rows = 0
    public var created = 0
    public var updated = 0
    /// Rows about people who were erased, left out.
    public var suppressed = 0
    /// Rows written that hold an email address or phone number on the suppression list: kept,
    /// and never contacted.
    public var doNotContact = 0
    /// Rows refused for errors; nothing of them was written.
    public var rejected = 0
    /// People new to the workspace.
    public var newSubjects = 0
    /// Rows written with warnings (a recommended field missing).
    public var rowsWithWarnings = 0
    /// Each problem, by line, up to ``problemLimit``; ``problemCount`` counts them all.
    public var problems: [ImportProblem] = []
    public var problemCount = 0
    /// The heading row named no usable column, or a required field has no column: nothing was read.
    public var refusedFile = false

    /// Problems kept in the report; more are counted only.
    public static let problemLimit = 10_000

    public init(dryRun: Bool) {
        self.dryRun = dryRun
    }

    mutating func add(_ problem: ImportProblem) {
        problemCount += 1
        if problems.count < Self.problemLimit { problems.append(problem) }
    }

    /// Adds the counts and problems of a later part of the same file (one batch's).
    mutating func merge(_ other: ImportReport) {
        rows += other.rows
        created += other.created
        updated += other.updated
        suppressed += other.suppressed
        doNotContact += other.doNotContact
        rejected += other.rejected
        newSubjects += other.newSubjects
        rowsWithWarnings += other.rowsWithWarnings
        problemCount += other.problemCount - other.problems.count
        for problem in other.problems { add(problem) }
    }

    /// One line for people: "1,000 rows: 990 created, 0 updated, 2 suppressed, 8 rejected".
    public var summary: String {
        let verb = dryRun ? "would be " : ""
        return
            "\(rows) row\(rows == 1 ? "" : "s"): \(created) \(verb)created, \(updated) \(verb)updated, \(suppressed) suppressed (erased people), \(rejected) rejected; \(newSubjects) new people; \(rowsWithWarnings) with warnings\(doNotContact > 0 ? "; \(doNotContact) with an address on the suppression list (kept, never contacted)" : "")"
    }

    /// Every problem kept, as CSV with a heading row: `line,field,severity,problem`.
    public var problemsCSV: String {
        var text = "line,field,severity,problem\n"
        for problem in problems {
            text +=
                [String(problem.line), problem.field, problem.isWarning ? "warning" : "error", problem.message]
                .map(Self.csvField).joined(separator: ",") + "\n"
        }
        return text
    }

    private static func csvField(_ text: String) -> String {
        text.contains(where: { ",\"\n\r".contains($0) })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
