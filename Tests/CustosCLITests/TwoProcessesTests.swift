import CustosTestSupport
import Foundation
import Testing

/// Several `custos` processes on one SQLite file, as an office might run a command while the
/// server works: background work claimed in the file is done once.
@Suite("Two processes on one SQLite file")
struct TwoProcessesTests {
    @Test("two retention runs started at once erase each person once: one journal entry and one audit entry each")
    func retentionRunsAtOnce() async throws {
        try await AsheOffice.with { office in
            let csv = office.folder.appendingPathComponent("more.csv")
            try
                ("Name,School postal address,Head's Email Address\n"
                + (1...300).map { "Head \($0),\($0) Lane,head\($0)@school.example\n" }.joined())
                .write(to: csv, atomically: true, encoding: .utf8)
            #expect(
                try Custos.run(
                    ["import", "--type", "member_contact", "--purpose", "booking_admin", csv.path] + office.options
                )
                .status == 0)
            // Everyone left post two days ago, recorded in one step: everyone is due today.
            let plan = try Custos.run(["retention", "plan", "--as-of", "2100-01-01"] + office.options)
            let ids = plan.output.split(separator: "\n").compactMap { line in
                line.split(separator: " ").first.flatMap { UUID(uuidString: String($0)) }
            }
            #expect(ids.count == 301)
            let leavers = office.folder.appendingPathComponent("leavers.txt")
            try ids.map(\.uuidString).joined(separator: "\n").write(to: leavers, atomically: true, encoding: .utf8)
            let recorded = try Custos.run(
                [
                    "retention", "event", "--subjects", leavers.path, "--event", "left_post", "--on",
                    LondonDay.iso(fromToday: -2),
                ]
                    + office.options)
            #expect(recorded.output.contains("for 301 people"), "\(recorded.error)")
            let arguments = ["retention", "run"] + office.options
            async let first = Task.detached { try Custos.run(arguments) }.value
            async let second = Task.detached { try Custos.run(arguments) }.value
            let runs = try await [first, second]
            let erased = runs.compactMap { run -> Int? in
                guard let match = run.output.firstMatch(of: /erased (\d+) people/) else { return nil }
                return Int(match.1)
            }
            // Each run either swept (all, or none left once the other had) or was refused while the
            // other swept; together they erased everyone once.
            for run in runs where run.status != 0 {
                #expect(run.error.contains("a retention sweep of this workspace is running elsewhere"))
            }
            #expect(erased.reduce(0, +) == 301, "\(runs.map(\.output)) \(runs.map(\.error))")
            let journal = office.folder.appendingPathComponent("journal.json")
            #expect(
                try Custos.run(["erasures", "export", "-o", journal.path] + office.options).output.contains(
                    "301 erasures"))
            #expect(try Custos.run(["audit", "verify"] + office.options).status == 0)
        }
    }
}
