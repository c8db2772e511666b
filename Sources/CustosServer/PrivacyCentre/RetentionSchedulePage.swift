import CustosCore
import Mustache

/// The retention schedule as a page of the privacy centre: one row a kind of record and rule,
/// with a link to the same table as CSV.
struct RetentionSchedulePage: Sendable {
    private let template: MustacheTemplate

    init() {
        // The template is ours and fixed: a failure is a programming error, caught by the tests.
        template = try! MustacheTemplate(
            string: PrivacyCentreLayout.page(
                title: "How long we keep information: {{organisation}}",
                main: """
                    <h1>How long we keep information</h1>
                    <p>{{organisation}}'s retention schedule: for each kind of record, how long it is kept, from
                    when, and what happens then. It is the schedule Custos applies to the records themselves.</p>
                    <table>
                    <caption>Retention schedule</caption>
                    <thead><tr><th scope="col">Record</th><th scope="col">How long</th><th scope="col">At the end</th><th scope="col">Authority</th></tr></thead>
                    <tbody>
                    {{#rows}}<tr><td>{{recordName}}</td><td>{{period}}</td><td>{{action}}</td><td>{{authority}}{{#statutory}} (set by law){{/statutory}}</td></tr>
                    {{/rows}}
                    </tbody>
                    </table>
                    <p><a href="/privacy/{{workspace}}/retention.csv">Download the schedule as CSV</a></p>
                    """))
    }

    func render(_ schedule: RetentionSchedule, organisation: String, workspace: String) -> String {
        template.render([
            "organisation": organisation, "workspace": workspace,
            "rows": schedule.rows.map { row -> [String: Any] in
                [
                    "recordName": row.recordName, "period": row.period, "action": row.action.capitalizingFirstLetter,
                    "authority": row.authority, "statutory": row.statutory,
                ]
            },
        ])
    }
}

extension String {
    fileprivate var capitalizingFirstLetter: String { prefix(1).uppercased() + dropFirst() }
}
