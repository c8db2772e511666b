import CustosCore
import CustosServices
import Foundation

/// The versions of a workspace's notice, newest first, each with the day it took effect and what
/// changed from the one before: purposes, recipients, records kept, retention (``VersionsPage``).
struct NoticeVersionsPage: Sendable {

    /// The page for `versions` (oldest first, as the store lists them); a version whose policy no
    /// longer reads is listed without its changes.
    func render(_ versions: [PolicyVersion], organisation: String, workspace: String) -> String {
        var previous: Policy?
        var rows: [VersionsPage.Version] = []
        for (index, version) in versions.enumerated() {
            let policy = try? PolicyLoader.load(yaml: version.source, fileName: version.fileName).policy
            var changes: [String] = []
            if let previous, let policy { changes = PolicyChanges(from: previous, to: policy).changes.map(\.text) }
            rows.append(
                VersionsPage.Version(
                    number: version.number, current: index == versions.count - 1, first: index == 0,
                    day: PageText.day(CalendarDay(version.recordedAt, in: CalendarDay.clockTimeZone)),
                    changes: changes))
            if let policy { previous = policy }
        }
        return PublicPages.html(
            VersionsPage(organisation: organisation, workspace: workspace, versions: Array(rows.reversed())))
    }
}
