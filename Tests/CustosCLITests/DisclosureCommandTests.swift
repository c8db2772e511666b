import Foundation
import Testing

/// `custos disclosure`: the log from the command line.
@Suite("custos disclosure")
struct DisclosureCommandTests {
    @Test(
        "record, list, told and show, and the record of processing names the recipient; an unknown recipient or a missing kind is refused with the option named, and nothing is logged"
    )
    func log() async throws {
        try await AsheOffice.with { office in
            let unknown = try Custos.run(
                [
                    "disclosure", "record", "--subject", office.ann, "--to", "ofsted", "--record", "member_contact",
                    "--reason", "x",
                ] + office.options)
            #expect(unknown.status != 0 && unknown.error.contains("to: the policy names no recipient 'ofsted'"))
            let noKind = try Custos.run(
                [
                    "disclosure", "record", "--subject", office.ann, "--to-other", "Ofsted", "--record",
                    "member_contact", "--reason", "x",
                ] + office.options)
            #expect(noKind.status != 0 && noKind.error.contains("--kind"))
            #expect(try Custos.run(["disclosure", "list"] + office.options).output.isEmpty)

            let recorded = try Custos.run(
                [
                    "disclosure", "record", "--subject", office.ann, "--to", "police_and_regulators", "--record",
                    "member_contact", "--category", "user.contact", "--exemption", "crime_prevention", "--reason",
                    "Police request about Ann's school's fraud case", "--on", "2026-11-03", "--without-telling",
                ] + office.options)
            #expect(recorded.status == 0, "\(recorded.error)")
            #expect(recorded.output.contains("person not yet told"))
            #expect(recorded.output.contains("custos task list"))
            let id = try #require(recorded.output.split(separator: " ").first.map(String.init))
            let tasks = try Custos.run(["task", "list"] + office.options)
            #expect(tasks.output.contains("tell_of_disclosure"))

            let waiting = try Custos.run(["disclosure", "list", "--awaiting-telling"] + office.options)
            #expect(waiting.output.contains(id))
            let told = try Custos.run(["disclosure", "told", id, "--on", "2026-11-20"] + office.options)
            #expect(told.output.contains("person told 2026-11-20"))
            #expect(try Custos.run(["disclosure", "list", "--awaiting-telling"] + office.options).output.isEmpty)
            #expect(
                try Custos.run(["disclosure", "list", "--subject", office.ann] + office.options).output.contains(id))

            let shown = try Custos.run(["disclosure", "show", id] + office.options)
            #expect(shown.output.contains("Reason: Police request about Ann's school's fraud case"))
            #expect(shown.output.contains("Ground: UK GDPR Art 6(1)(c) legal obligation; DPA 2018 Sch 2 para 2"))

            // The workspace's record of processing names the other organisation under the purpose.
            let ofsted = try Custos.run(
                [
                    "disclosure", "record", "--subject", office.ann, "--to-other", "Ofsted", "--kind", "regulator",
                    "--record", "member_contact", "--purpose", "legal_disclosure", "--reason", "An inspection",
                ] + office.options)
            #expect(ofsted.status == 0, "\(ofsted.error)")
            let ropa = try Custos.run(["policy", "ropa", "--layout", "table"] + office.options)
            #expect(ropa.status == 0, "\(ropa.error)")
            #expect(ropa.output.contains("Ofsted (Regulator; 1 disclosure logged)"))
        }
    }
}
