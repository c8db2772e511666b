import Foundation
import Testing

/// `custos breach`: the register and its 72-hour clock from the command line.
@Suite("custos breach")
struct BreachCommandTests {
    @Test("record shows the clock; a late report needs its reason; closing needs every decision")
    func register() async throws {
        try await AsheOffice.with { office in
            let recorded = try Custos.run(
                [
                    "breach", "record", "--description", "Delegate list emailed to the wrong school", "--risk", "risk",
                    "--discovered", "2026-11-02T09:00:00Z", "--subjects", "40", "--category", "user.contact.email",
                ] + office.options)
            #expect(recorded.status == 0)
            #expect(recorded.output.contains("report to the ICO OVERDUE since 2026-11-05T09:00:00Z"))
            let id = try #require(recorded.output.split(separator: " ").first.map(String.init))

            let badRisk = try Custos.run(
                ["breach", "record", "--description", "x", "--risk", "severe"] + office.options)
            #expect(badRisk.status != 0 && badRisk.error.contains("none"))
            let noReason = try Custos.run(
                ["breach", "report", id, "--reference", "ICO/1", "--at", "2026-11-06T10:00:00Z"] + office.options)
            #expect(noReason.status != 0 && noReason.error.contains("late reason"))
            let reported = try Custos.run(
                [
                    "breach", "report", id, "--reference", "ICO/1", "--at", "2026-11-06T10:00:00Z", "--late-reason",
                    "Found late in the week",
                ] + office.options)
            #expect(reported.output.contains("reported 2026-11-06T10:00:00Z (ICO/1)"))
            let closed = try Custos.run(
                ["breach", "close", id, "--remediation", "Recalled", "--lessons", "Check lists", "--on", "2026-11-09"]
                    + office.options)
            #expect(closed.status == 0 && closed.output.contains("closed 2026-11-09"))
            let shown = try Custos.run(["breach", "show", id] + office.options)
            #expect(shown.output.contains("Late because: Found late in the week"))
        }
    }
}
