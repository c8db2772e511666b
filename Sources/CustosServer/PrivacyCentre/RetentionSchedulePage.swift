import CustosCore

/// The retention schedule as a page of the privacy centre: one row a kind of record and rule,
/// with a link to the same table as CSV (``RetentionPage``).
struct RetentionSchedulePage: Sendable {

    func render(_ schedule: RetentionSchedule, organisation: String, workspace: String) -> String {
        PublicPages.html(
            RetentionPage(
                organisation: organisation, workspace: workspace,
                rows: schedule.rows.map { row in
                    RetentionPage.Row(
                        recordName: row.recordName, period: row.period, action: row.action.capitalizingFirstLetter,
                        authority: row.authority, statutory: row.statutory)
                }))
    }
}

extension String {
    fileprivate var capitalizingFirstLetter: String { prefix(1).uppercased() + dropFirst() }
}
