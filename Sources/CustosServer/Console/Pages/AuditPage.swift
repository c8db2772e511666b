/// `/console/audit` (`console-audit`): whether the audit chain verifies, and the workspace's
/// entries, newest first, a page at a time, filtered by person, actor, action and dates, with a
/// CSV of every entry the filters match.
struct AuditPage: ConsolePage {
    static let template = "console-audit"

    /// An audit entry, as a row of the table of them.
    struct Entry: Sendable {
        let sequence: Int
        let time: String
        let actor: String
        let action: String
        /// The purpose it was done for; empty when none was given.
        let purpose: String
        /// The person it is about, linked to their page; none when it is about no one.
        let personLink: String?
        let person: String?
    }

    /// A choice of the action filter.
    typealias Choice = PageChoice

    /// Whether the chain verifies, as far as it was checked.
    let intact: Bool
    /// How many entries verify (before the first break, when broken).
    let verified: Int
    /// Whether this view checked only the entries written since the chain was last checked, by
    /// this server or as a signed checkpoint records (the whole chain is checked on asking).
    let incremental: Bool
    /// The first entry hashed under the master key; none for a log never written with the key.
    let keyedFrom: Int?
    /// Where the key file records keying began, when it records it.
    let anchoredAt: Int?
    /// Where the chain first breaks, when it does.
    let failure: String?
    var problems: [PageProblem] = []
    /// The filters as given, to show them again.
    let person: String
    /// Whom to filter by: the workspace's staff (by account), the privacy centre, the system.
    let actors: [Choice]
    let actions: [Choice]
    let from: String
    let to: String
    var personError: String?
    var fromError: String?
    var toError: String?
    /// How many entries the filters match, in words ("1,234 entries", "10,000 or more entries").
    let matched: String
    /// Whether any filter is set.
    let filtered: Bool
    /// This page of entries, newest first.
    let entries: [Entry]
    /// The page after this one, and the first page, keeping the filters; nil when there is none.
    let older: String?
    let newest: String?
    /// The CSV of every entry the filters match.
    let csv: String
}
