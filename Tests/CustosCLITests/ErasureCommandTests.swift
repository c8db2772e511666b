import CustosTestSupport
import Foundation
import Testing

/// `custos request assess|erase|certificate`, `custos hold` and `custos task`, as ASHE's DPO
/// sees an erasure through.
@Suite("Erasure from the command line")
struct ErasureCommandTests {
    @Test(
        "a hold keeps Ann's record; released, the erasure runs once and prints its certificate; the Art 19 task is done"
    )
    func erasure() async throws {
        try await AsheOffice.with { office in
            let (options, ann) = (office.options, office.ann)
            let new = try Custos.run(
                ["request", "new", "--kind", "erasure", "--subject", ann, "--channel", "phone", "--identity-shown"]
                    + options)
            #expect(new.status == 0, "\(new.error)")
            let id = String(new.output.prefix(36))

            let hold = try Custos.run(["hold", "place", "--subject", ann, "--reason", "claim 17"] + options)
            #expect(hold.status == 0, "\(hold.error)")
            let holdID = String(hold.output.prefix(36))
            let held = try Custos.run(["request", "assess", id] + options)
            #expect(held.output.contains("keep   member_contact (1 record): under a legal hold"))
            #expect(held.output.contains("UK GDPR Art 17(3)(e)"))
            let refused = try Custos.run(["request", "erase", id, "--ground", "consent_withdrawn"] + options)
            #expect(refused.status == 1)
            #expect(refused.error.contains("nothing can be erased"))
            let badGround = try Custos.run(["request", "erase", id, "--ground", "whim"] + options)
            #expect(badGround.status == 2)
            #expect(badGround.error.contains("no_longer_necessary"))

            #expect(try Custos.run(["hold", "release", holdID] + options).status == 0)
            #expect(try Custos.run(["hold", "list"] + options).output.isEmpty)
            #expect(try Custos.run(["hold", "list", "--all"] + options).output.contains("released"))
            let assess = try Custos.run(["request", "assess", id] + options)
            #expect(assess.output.contains("erase  member_contact (1 record)"))
            #expect(assess.output.contains("Their key would be destroyed"))

            let erase = try Custos.run(["request", "erase", id, "--ground", "consent_withdrawn"] + options)
            #expect(erase.status == 0, "\(erase.error)")
            #expect(erase.output.contains("Erasure certificate"))
            #expect(erase.output.contains("UK GDPR Art 17(1)(b)"))
            #expect(!erase.output.contains("ann@school.example"))
            let again = try Custos.run(["request", "erase", id, "--ground", "consent_withdrawn"] + options)
            #expect(again.output == erase.output, "running it again returns the same certificate")
            let json = try Custos.run(["request", "certificate", id, "--format", "json"] + options)
            #expect(json.output.contains("\"keyDestroyed\" : true"))
            #expect(try Custos.run(["subject", "find", "--email", "ann@school.example"] + options).status != 0)

            let tasks = try Custos.run(["task", "list"] + options)
            #expect(tasks.output.contains("notify_recipients"))
            let taskID = String(tasks.output.prefix(36))
            #expect(try Custos.run(["task", "done", taskID] + options).status == 2, "the note is required")
            let done = try Custos.run(
                ["task", "done", taskID, "--note", "emailed the venues and presenters"] + options)
            #expect(done.status == 0, "\(done.error)")
            #expect(try Custos.run(["task", "list"] + options).output.isEmpty)
        }
    }
}
