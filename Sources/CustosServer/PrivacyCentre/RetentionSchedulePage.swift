import CustosCore
import Mustache

/// The retention schedule as a page of the privacy centre: one row a kind of record and rule,
/// with a link to the same table as CSV.
struct RetentionSchedulePage: Sendable {

    func render(_ schedule: RetentionSchedule, organisation: String, workspace: String) -> String {
        PageTemplates.library.render(
            [
                "organisation": organisation, "workspace": workspace,
                "rows": schedule.rows.map { row -> [String: Any] in
                    [
                        "recordName": row.recordName, "period": row.period,
                        "action": row.action.capitalizingFirstLetter,
                        "authority": row.authority, "statutory": row.statutory,
                    ]
                },
            ], withTemplate: "privacy-retention-schedule") ?? ""
    }
}

extension String {
    fileprivate var capitalizingFirstLetter: String { prefix(1).uppercased() + dropFirst() }
}
