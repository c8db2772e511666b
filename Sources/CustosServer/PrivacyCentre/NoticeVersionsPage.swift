import CustosCore
import CustosServices
import Foundation
import Mustache

/// The versions of a workspace's notice, newest first, each with the day it took effect and what
/// changed from the one before: purposes, recipients, records kept, retention.
struct NoticeVersionsPage: Sendable {
    private let template: MustacheTemplate

    init() {
        // The template is ours and fixed: a failure is a programming error, caught by the tests.
        template = try! MustacheTemplate(
            string: PrivacyCentreLayout.page(
                title: "Versions of the privacy notice: {{organisation}}",
                main: """
                    <h1>Versions of this privacy notice</h1>
                    <p>Every version of {{organisation}}'s privacy notice, newest first, with what changed from the one
                    before. Custos renders the notice from the same policy it applies to people's information.</p>
                    {{#versions}}
                    <section aria-labelledby="version-{{number}}">
                    <h2 id="version-{{number}}">Version {{number}}{{#current}} (in force){{/current}}</h2>
                    <p class="muted">From {{day}}.</p>
                    {{^empty(changes)}}<ul>{{#changes}}<li>{{.}}</li>{{/changes}}</ul>{{/empty(changes)}}
                    {{#empty(changes)}}<p>{{#first}}The first version.{{/first}}{{^first}}Wording only: no change to what is done with information.{{/first}}</p>{{/empty(changes)}}
                    </section>
                    {{/versions}}
                    """))
    }

    /// The page for `versions` (oldest first, as the store lists them); a version whose policy no
    /// longer reads is listed without its changes.
    func render(_ versions: [PolicyVersion], organisation: String, workspace: String) -> String {
        var previous: Policy?
        var rows: [[String: Any]] = []
        for (index, version) in versions.enumerated() {
            let policy = try? PolicyLoader.load(yaml: version.source, fileName: version.fileName).policy
            var changes: [String] = []
            if let previous, let policy { changes = PolicyChanges(from: previous, to: policy).changes.map(\.text) }
            rows.append([
                "number": version.number, "current": index == versions.count - 1, "first": index == 0,
                "day": PageText.day(CalendarDay(version.recordedAt, in: CalendarDay.clockTimeZone)), "changes": changes,
            ])
            if let policy { previous = policy }
        }
        return template.render([
            "organisation": organisation, "workspace": workspace, "versions": Array(rows.reversed()),
        ])
    }
}
