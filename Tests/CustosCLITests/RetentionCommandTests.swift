import CustosTestSupport
import Foundation
import Testing

/// `custos retention`: the plan says what and why without changing anything; the run does it; the
/// schedule is the policy's, as CSV.
@Suite("custos retention")
struct RetentionCommandTests {
    @Test("plan, event, run and schedule on ASHE's rules")
    func planAndRun() async throws {
        try await AsheOffice.with { office in
            let now = try Custos.run(["retention", "plan"] + office.options)
            #expect(now.status == 0)
            #expect(now.output.contains("0 due as of"), "Ann was imported today")

            let later = try Custos.run(["retention", "plan", "--as-of", "2100-01-01"] + office.options)
            #expect(
                later.output.lowercased().contains(
                    "\(office.ann.lowercased())  member_contact  erase  rule ashe_five_years"))
            #expect(later.output.contains("1 due as of 2100-01-01: 1 to erase, 0 to review, 0 held or restricted"))

            let unknown = try Custos.run(
                ["retention", "event", office.ann, "--event", "retired", "--on", "2026-01-01"] + office.options)
            #expect(unknown.status != 0)
            #expect(unknown.error.contains("event: no retention rule runs from 'retired'"))

            let tomorrow = LondonDay.iso(fromToday: 1)
            let future = try Custos.run(
                ["retention", "event", office.ann, "--event", "left_post", "--on", tomorrow] + office.options)
            #expect(future.status != 0, "an event is recorded once it has happened")
            #expect(future.error.contains("on: \(tomorrow) is in the future"))

            let neither = try Custos.run(["retention", "event", "--event", "left_post"] + office.options)
            #expect(neither.status == 2, "one of SUBJECT, --school or --subjects")
            let list = office.folder.appendingPathComponent("leavers.txt")
            try "\(office.ann)\nnot-an-id\n".write(to: list, atomically: true, encoding: .utf8)
            let badList = try Custos.run(
                ["retention", "event", "--subjects", list.path, "--event", "left_post"] + office.options)
            #expect(badList.error.contains("--subjects: line 2 is not a subject id"))

            try "\(office.ann)\n".write(to: list, atomically: true, encoding: .utf8)
            let left = try Custos.run(
                ["retention", "event", "--subjects", list.path, "--event", "left_post", "--on", "2026-01-10"]
                    + office.options)
            #expect(left.status == 0, "\(left.error)")
            #expect(left.output.contains("recorded left_post on 2026-01-10 for 1 people"))
            let afterLeaving = try Custos.run(["retention", "plan", "--as-of", "2026-01-11"] + office.options)
            #expect(afterLeaving.output.contains("rule ashe_left_post  from 2026-01-10  due 2026-01-11"))

            let run = try Custos.run(["retention", "run", "--as-of", "2026-01-11"] + office.options)
            #expect(run.status == 0)
            #expect(run.output.contains("erased 1 people"))
            let again = try Custos.run(["retention", "plan", "--as-of", "2100-01-01"] + office.options)
            #expect(again.output.contains("0 due as of 2100-01-01"))

            let schedule = try Custos.run(["retention", "schedule"] + office.options)
            #expect(schedule.output.hasPrefix("Record type,Record,Rule,How long,Runs from,At the end,Authority"))
            #expect(schedule.output.contains("member_contact"))
        }
    }
}
