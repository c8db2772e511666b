/// `/privacy/{workspace}/retention` (`privacy-retention-schedule`): the retention schedule, one
/// row a kind of record and rule, with a link to the same table as CSV. Built by
/// ``RetentionSchedulePage``.
struct RetentionPage: PublicPage {
    static let template = "privacy-retention-schedule"

    /// A kind of record under one of its rules.
    struct Row: Sendable {
        let recordName: String
        /// How long it is kept, in plain English.
        let period: String
        /// What happens at the end, with a capital letter.
        let action: String
        /// On whose authority: the law or guidance the rule follows, or "Not stated".
        let authority: String
        /// Whether the period is set by law.
        let statutory: Bool
    }

    let organisation: String
    let workspace: String
    let rows: [Row]
}
